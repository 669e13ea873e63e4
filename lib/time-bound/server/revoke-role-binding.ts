import 'server-only'

import { isConsoleError } from '@/lib/api/console-error'
import { deleteRbacBinding, getRbacObject, type KubeRbacObjectJson } from '@/lib/k8s/kube-rbac-objects'
import { describeBindingTarget } from '@/lib/rbac/binding-label'
import type { GrantAddition } from '@/lib/time-bound/time-bound-dto'

import type { RevokeOutcome } from './revoke-access-grant'
import type { StoredGrant } from './time-bound-store'

type BindingAddition = Extract<GrantAddition, { kind: 'role-binding' }>

/** The annotation a time-bound binding carries: the grant's id (a binding made before its uid was recorded is known by it). */
export const TIME_BOUND_GRANT_ANNOTATION = 'eks-access-console/time-bound-grant'

const describeBinding = (a: BindingAddition) =>
  describeBindingTarget({ kind: a.bindingKind, name: a.name, namespace: a.namespace })

const subjectsKey = (subjects: { kind?: string; name?: string; namespace?: string | null }[]) =>
  subjects
    .map((s) => `${s.kind ?? ''}\0${s.name ?? ''}\0${s.namespace ?? ''}`)
    .sort()
    .join('\n')

/** What of a binding the audit log keeps before the revocation. */
const summarize = (json: KubeRbacObjectJson) => ({
  uid: json.metadata?.uid ?? null,
  resourceVersion: json.metadata?.resourceVersion ?? null,
  roleRef: json.roleRef ?? null,
  subjects: json.subjects ?? [],
})

/** How the binding on the cluster differs from the one the grant created, or undefined when it is that one, unchanged. */
function findDrift(grant: StoredGrant, a: BindingAddition, json: KubeRbacObjectJson): string | undefined {
  const label = describeBinding(a)
  // The uid tells the object the grant created from one re-created under the same name; before the create answered
  // (a crash in between) only the grant's annotation can tell.
  const same = a.uid
    ? json.metadata?.uid === a.uid
    : json.metadata?.annotations?.[TIME_BOUND_GRANT_ANNOTATION] === grant.id
  if (!same)
    return `the ${label} was deleted and another of that name created outside the console; it was left in place`
  const wanted = a.subjects.map((s) => ({ ...s, namespace: s.kind === 'ServiceAccount' ? s.namespace : null }))
  const current = (json.subjects ?? []).map((s) => ({
    ...s,
    namespace: s.kind === 'ServiceAccount' ? s.namespace : null,
  }))
  if (subjectsKey(wanted) !== subjectsKey(current)) {
    return `the subjects of the ${label} were changed outside the console; it was left in place`
  }
  return undefined
}

/**
 * Deletes exactly the RoleBinding or ClusterRoleBinding a time-bound grant created: matched by name AND uid, deleted
 * with both as DeleteOptions preconditions, so a binding replaced or changed between the read and the delete is never
 * removed (the API server answers 409 and the scheduler retries on a fresh read). A binding that is gone, re-created
 * or edited outside the console is left alone and reported as drift.
 */
export async function revokeRoleBinding(grant: StoredGrant & { addition: BindingAddition }): Promise<RevokeOutcome> {
  const ref = { region: grant.region, name: grant.cluster }
  const a = grant.addition
  let json: KubeRbacObjectJson
  try {
    json = await getRbacObject(ref, a.bindingKind, a.name, a.namespace ?? undefined)
  } catch (error) {
    if (!isConsoleError(error) || error.code !== 'not_found') throw error
    const drift = [`the ${describeBinding(a)} was deleted outside the console`]
    return { status: 'drifted', removed: [], drift, before: null, after: null }
  }
  const before = summarize(json)
  const drift = findDrift(grant, a, json)
  if (drift) return { status: 'drifted', removed: [], drift: [drift], before, after: before }
  await deleteRbacBinding(
    ref,
    { kind: a.bindingKind, name: a.name, ...(a.namespace ? { namespace: a.namespace } : {}) },
    { uid: json.metadata?.uid, resourceVersion: json.metadata?.resourceVersion },
  )
  return { status: 'revoked', removed: [`the ${describeBinding(a)}`], drift: [], before, after: null }
}
