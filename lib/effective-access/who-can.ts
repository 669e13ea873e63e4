// "Who can delete pods in prod?": every IAM principal that can (through its access entry or aws-auth mapping, as the
// cluster's authentication mode reads them) and every Kubernetes subject some binding lets do it, each with its paths.
import { ruleAllows, type RequestAttributes } from '@/lib/access/rules'

import { explainRequest, normalizeRequest, type PolicyRulesLookup } from './evaluate'
import { buildRbacPath, buildSuperuserPath, type GrantPath } from './grant-path'
import { resolveIdentity, stripIamPath, type AuthIndex, type IdentityNote } from './identity'
import type { RbacIndex } from './rbac-index'
import type { RbacBinding, RbacSubject } from './rbac-model'

/** An IAM principal that may make the request. */
export type WhoCanPrincipal = {
  principalArn: string
  via: 'access-entry' | 'aws-auth'
  username: string
  groups: string[]
  paths: GrantPath[]
  notes: IdentityNote[]
}

/** A Kubernetes subject that may make the request through RBAC (or system:masters). */
export type WhoCanSubject = { subject: RbacSubject; paths: GrantPath[] }

export type WhoCanAnswer = {
  principals: WhoCanPrincipal[]
  subjects: WhoCanSubject[]
  /** aws-auth mapAccounts rows: every principal of these accounts signs in (with no groups). */
  mappedAccounts: string[]
}

/** The IAM principals the cluster would authenticate: entries (unless CONFIG_MAP), then aws-auth rows (unless API). */
export function listKnownPrincipals(auth: AuthIndex): string[] {
  const mode = auth.facts.authenticationMode
  const seen = new Set<string>()
  const out: string[] = []
  const add = (arn: string) => {
    const key = stripIamPath(arn).toLowerCase()
    if (seen.has(key)) return
    seen.add(key)
    out.push(arn)
  }
  if (mode !== 'CONFIG_MAP') for (const e of auth.facts.accessEntries) add(e.principalArn)
  if (mode !== 'API') for (const row of auth.mappingByArn.values()) add(row.ref.arn)
  return out
}

function subjectId(s: RbacSubject, binding: RbacBinding): string {
  return `${s.kind}\0${s.kind === 'ServiceAccount' ? s.namespace || binding.namespace || '' : ''}\0${s.name}`
}

/** Every Kubernetes subject whose bindings allow the request (RBAC only: access policies belong to IAM principals). */
export function listAllowedSubjects(index: RbacIndex, request: RequestAttributes): WhoCanSubject[] {
  const attrs = normalizeRequest(request)
  const bySubject = new Map<string, WhoCanSubject>()
  bySubject.set('Group\0\0system:masters', {
    subject: { kind: 'Group', name: 'system:masters' },
    paths: [buildSuperuserPath()],
  })
  const namespace = attrs.nonResourceURL === undefined ? attrs.namespace : undefined
  const bindings: readonly RbacBinding[] = namespace
    ? [...index.objects.clusterRoleBindings, ...index.objects.roleBindings.filter((b) => b.namespace === namespace)]
    : index.objects.clusterRoleBindings
  // Many bindings point at the same few roles (edit, view): decide each role once.
  const ruleOf = new Map<object, number>()
  for (const binding of bindings) {
    const role = index.roleOf(binding)
    if (!role) continue
    let ruleIndex = ruleOf.get(role)
    if (ruleIndex === undefined) {
      ruleIndex = role.rules.findIndex((rule) => ruleAllows(rule, attrs))
      ruleOf.set(role, ruleIndex)
    }
    if (ruleIndex === -1) continue
    const from = role.aggregationSelectors ? index.aggregationSource(role, ruleIndex) : undefined
    for (const subject of binding.subjects) {
      // A ServiceAccount subject without a namespace in a ClusterRoleBinding matches nobody.
      if (subject.kind === 'ServiceAccount' && !subject.namespace && binding.kind === 'ClusterRoleBinding') continue
      const id = subjectId(subject, binding)
      const entry = bySubject.get(id) ?? {
        subject:
          subject.kind === 'ServiceAccount'
            ? { ...subject, namespace: subject.namespace || binding.namespace }
            : subject,
        paths: [],
      }
      entry.paths.push(buildRbacPath(subject, binding, role, ruleIndex, from))
      bySubject.set(id, entry)
    }
  }
  return [...bySubject.values()]
}

/** Answers who-can for one request over every known principal and every bound subject. */
export function whoCan(
  index: RbacIndex,
  auth: AuthIndex,
  request: RequestAttributes,
  options: { policyRules?: PolicyRulesLookup } = {},
): WhoCanAnswer {
  const principals: WhoCanPrincipal[] = []
  for (const arn of listKnownPrincipals(auth)) {
    const identity = resolveIdentity(auth, arn)
    if (!identity.via || identity.username === null) continue
    const paths = explainRequest(index, { ...identity, username: identity.username }, request, options)
    if (paths.length === 0) continue
    principals.push({
      principalArn: identity.principalArn,
      via: identity.via,
      username: identity.username,
      groups: identity.groups,
      paths,
      notes: identity.notes,
    })
  }
  const mode = auth.facts.authenticationMode
  return {
    principals,
    subjects: listAllowedSubjects(index, request),
    mappedAccounts: mode === 'API' ? [] : [...auth.mapAccounts],
  }
}
