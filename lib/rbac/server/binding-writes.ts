import 'server-only'

import { ConsoleError, isConsoleError } from '@/lib/api/console-error'
import { auditedWrite, type Actor } from '@/lib/audit/server/audited-write'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { createRbacBinding, deleteRbacBinding, getRbacObject, type KubeBindingSpec } from '@/lib/k8s/kube-rbac-objects'
import { TIME_BOUND_GRANT_ANNOTATION } from '@/lib/time-bound/server/revoke-role-binding'
import { recordPendingGrant } from '@/lib/time-bound/server/time-bound-grants'
import type { GrantAddition } from '@/lib/time-bound/time-bound-dto'

import { describeBindingTarget } from '../binding-label'
import type { BindingKind, CreateBindingInput, DeleteBindingInput } from '../rbac-binding-schema'
import type { BindingWriteResult } from '../rbac-dto'
import { forgetRbacObjects } from './rbac-service'

const AUDIT_NOUN: Record<BindingKind, string> = {
  RoleBinding: 'role-binding',
  ClusterRoleBinding: 'cluster-role-binding',
}

function toSpec(input: CreateBindingInput): KubeBindingSpec {
  const namespaced = input.kind === 'RoleBinding'
  // A ServiceAccount subject of a RoleBinding defaults to the binding's namespace (what kubectl writes, too).
  const saNamespace = input.subjectNamespace || (namespaced ? input.namespace : undefined)
  return {
    kind: input.kind,
    name: input.name,
    ...(namespaced ? { namespace: input.namespace } : {}),
    roleRef: { kind: input.roleKind, name: input.roleName },
    subjects: [
      {
        kind: input.subjectKind,
        name: input.subjectName,
        ...(input.subjectKind === 'ServiceAccount' ? { namespace: saNamespace } : {}),
      },
    ],
  }
}

function toAddition(spec: KubeBindingSpec, uid: string | null): Extract<GrantAddition, { kind: 'role-binding' }> {
  return {
    kind: 'role-binding',
    bindingKind: spec.kind,
    namespace: spec.namespace ?? null,
    name: spec.name,
    roleRef: spec.roleRef,
    subjects: spec.subjects.map((s) => ({ kind: s.kind, name: s.name, namespace: s.namespace ?? null })),
    uid,
  }
}

/** Puts "already exists" on the name field, where the person can act on it. */
function onNameField(error: unknown): unknown {
  if (isConsoleError(error) && error.code === 'conflict' && error.detail?.reason === 'AlreadyExists') {
    return new ConsoleError('conflict', error.message, {
      cause: error,
      detail: error.detail,
      issues: [{ path: ['name'], message: error.message }],
    })
  }
  return error
}

/**
 * Creates one RoleBinding or ClusterRoleBinding as the console, audited as `role-binding.create` /
 * `cluster-role-binding.create`. A time-bound one is recorded before the write (recordPendingGrant) with the grant's
 * id as an annotation, and completed with the uid the API server gave it, which is what its revoker deletes.
 */
export async function createBinding(
  ref: ClusterRef,
  input: CreateBindingInput,
  actor: Actor,
): Promise<BindingWriteResult> {
  const spec = toSpec(input)
  const target = describeBindingTarget(spec)
  const cluster = { region: ref.region, cluster: ref.name }
  const pending = await recordPendingGrant(
    { ...cluster, principalArn: target },
    input.duration,
    toAddition(spec, null),
    actor,
  )
  if (pending) spec.annotations = { [TIME_BOUND_GRANT_ANNOTATION]: pending.id }
  const created = await auditedWrite(
    { actor, action: `${AUDIT_NOUN[spec.kind]}.create`, cluster: ref, target, before: null },
    async () => {
      try {
        return await createRbacBinding(ref, spec)
      } catch (error) {
        await pending?.discard()
        throw onNameField(error)
      } finally {
        forgetRbacObjects(ref)
      }
    },
    (result) => ({
      ...spec,
      uid: result.uid,
      ...(pending ? { timeBound: { grantId: pending.id, expiresAt: pending.expiresAt.toISOString() } } : {}),
    }),
  )
  await pending?.complete(toAddition(spec, created.uid))
  return {
    binding: {
      kind: spec.kind,
      name: spec.name,
      namespace: spec.namespace ?? null,
      roleRef: spec.roleRef,
      roleExists: true,
      subjects: spec.subjects.map((s) => ({ kind: s.kind, name: s.name, namespace: s.namespace ?? null })),
    },
    uid: created.uid,
    resourceVersion: created.resourceVersion,
    expiresAt: pending ? pending.expiresAt.toISOString() : null,
  }
}

/**
 * Deletes one binding only if it is still the version the person saw (DeleteOptions preconditions): a concurrent
 * change makes Kubernetes answer 409 and the person is told it changed since they loaded it. Audited as
 * `role-binding.delete` / `cluster-role-binding.delete`, with the binding as it was.
 */
export async function deleteBinding(
  ref: ClusterRef,
  target: { kind: BindingKind; name: string; namespace?: string },
  input: DeleteBindingInput,
  actor: Actor,
): Promise<void> {
  const before = await getRbacObject(ref, target.kind, target.name, target.namespace).catch(() => null)
  await auditedWrite(
    {
      actor,
      action: `${AUDIT_NOUN[target.kind]}.delete`,
      cluster: ref,
      target: describeBindingTarget(target),
      before: before
        ? { roleRef: before.roleRef, subjects: before.subjects, resourceVersion: before.metadata?.resourceVersion }
        : null,
    },
    () =>
      deleteRbacBinding(ref, target, {
        resourceVersion: input.resourceVersion,
        ...(input.uid ? { uid: input.uid } : {}),
      }).finally(() => forgetRbacObjects(ref)),
    () => null,
  )
}
