// "Why Forbidden?": walks the resolver's steps for one refused request and names the first one that fails, with the
// fix. Steps: identity (entry or mapping, by mode) → access policies (scope, then rules) → RBAC (groups bound? rules?).
import type { AuthenticationMode } from '@/lib/access/authentication-mode'
import { accessPolicyArn, accessPolicyRules, findAccessPolicy } from '@/lib/access/policy-catalogue'
import { rulesAllowInScope, type RequestAttributes } from '@/lib/access/rules'

import { explainRequest, normalizeRequest, type PolicyRulesLookup } from './evaluate'
import type { GrantPath } from './grant-path'
import type { EntryFacts, PolicyGrant, ResolvedIdentity } from './identity'
import { listAppliedBindings, listSubjectKeys, subjectKey, type RbacIndex } from './rbac-index'

export const diagnosisCodes = [
  'allowed',
  'no-identity',
  'entry-ignored-by-mode',
  'mapping-ignored-by-mode',
  'entry-stale',
  'entry-grants-nothing',
  'scope-excludes-namespace',
  'policy-lacks-permission',
  'group-bound-to-nothing',
  'bindings-lack-permission',
] as const
export type DiagnosisCode = (typeof diagnosisCodes)[number]

/** One step of the walk: what was checked and what it found. */
export type DiagnosisStep = { step: 'identity' | 'access-policies' | 'rbac'; ok: boolean; message: string }

/** The access-policy association that would let the request through (for the grant form and the CLI). */
export type GrantFix = {
  principalArn: string
  policyArn: string
  policyName: string
  accessScope: { type: 'cluster' | 'namespace'; namespaces: string[] }
  /** The principal has no access entry yet: the grant creates one. */
  createsEntry: boolean
  /** The entry belongs to an earlier principal of that name: delete it and create it again with these settings. */
  recreate?: { type: string; username: string | null; kubernetesGroups: string[]; policies: PolicyGrant[] }
  message: string
}

export type Diagnosis = {
  request: RequestAttributes
  allowed: boolean
  paths: GrantPath[]
  code: DiagnosisCode
  message: string
  steps: DiagnosisStep[]
  fix: GrantFix | null
}

// Smallest first: the fix grants no more than the request needs. A read the view policy lacks (Secrets, nodes, RBAC
// objects) gets the read-only AmazonEKSAdminViewPolicy before any policy that writes, so `get nodes` is never answered
// with cluster admin (https://docs.aws.amazon.com/eks/latest/userguide/access-policy-permissions.html).
const SUGGESTED = [
  'AmazonEKSViewPolicy',
  'AmazonEKSAdminViewPolicy',
  'AmazonEKSEditPolicy',
  'AmazonEKSAdminPolicy',
  'AmazonEKSClusterAdminPolicy',
]

function describeRequest(a: RequestAttributes): string {
  if (a.nonResourceURL !== undefined) return `${a.verb} ${a.nonResourceURL}`
  const res = `${a.resource}${a.subresource ? `/${a.subresource}` : ''}${a.apiGroup ? `.${a.apiGroup}` : ''}`
  return `${a.verb} ${res}${a.name ? ` "${a.name}"` : ''} ${a.namespace ? `in namespace ${a.namespace}` : 'cluster-wide'}`
}

/** The smallest user-facing access policy whose rules allow the request at the scope given. */
function suggestPolicy(attrs: RequestAttributes, scope: GrantFix['accessScope']): string | undefined {
  return SUGGESTED.map((n) => accessPolicyArn(n)).find((arn) =>
    rulesAllowInScope(accessPolicyRules(arn) ?? [], scope, attrs),
  )
}

function scopeFor(attrs: RequestAttributes): GrantFix['accessScope'] {
  return attrs.namespace && attrs.nonResourceURL === undefined
    ? { type: 'namespace', namespaces: [attrs.namespace] }
    : { type: 'cluster', namespaces: [] }
}

function buildFix(identity: ResolvedIdentity, attrs: RequestAttributes, createsEntry: boolean): GrantFix | null {
  let scope = scopeFor(attrs)
  const policyArn = suggestPolicy(attrs, scope)
  if (!policyArn) return null
  // Associating a policy again replaces its scope: keep the namespaces it already had.
  const existing = identity.accessPolicies.find((p) => p.policyArn === policyArn)
  if (existing?.accessScope.type === 'namespace' && scope.type === 'namespace')
    scope = { type: 'namespace', namespaces: [...new Set([...existing.accessScope.namespaces, ...scope.namespaces])] }
  const policyName = findAccessPolicy(policyArn)?.name ?? policyArn
  const where = scope.type === 'cluster' ? 'cluster-wide' : `on namespace ${scope.namespaces.join(', ')}`
  return {
    principalArn: identity.entry?.principalArn ?? identity.principalArn,
    policyArn,
    policyName,
    accessScope: scope,
    createsEntry,
    message: `${createsEntry ? 'Create an access entry and associate' : 'Associate'} ${policyName} ${where}.`,
  }
}

/**
 * A stale entry (docs/access-entries.md: EKS matches the principal's unique ID) is fixed by deleting it and creating
 * it again with the same settings; the policy named is the old one that allowed the request, else the smallest that does.
 */
function recreateFix(entry: EntryFacts, attrs: RequestAttributes): GrantFix | null {
  const old =
    entry.policies.find((p) => rulesAllowInScope(accessPolicyRules(p.policyArn) ?? [], p.accessScope, attrs)) ??
    entry.policies[0]
  const scope = old?.accessScope ?? scopeFor(attrs)
  const policyArn = old?.policyArn ?? suggestPolicy(attrs, scope)
  if (!policyArn) return null
  const policyName = findAccessPolicy(policyArn)?.name ?? policyArn
  return {
    principalArn: entry.principalArn,
    policyArn,
    policyName,
    accessScope: { type: scope.type, namespaces: [...scope.namespaces] },
    createsEntry: true,
    recreate: {
      type: entry.type,
      username: entry.username,
      kubernetesGroups: [...entry.kubernetesGroups],
      policies: entry.policies.length ? entry.policies : [{ policyArn, accessScope: scope }],
    },
    message: `Delete the access entry and create it again for the new principal, with the same settings and ${policyName}.`,
  }
}

/**
 * Diagnoses one request for a resolved identity. `namespaces` (optional) lets the message say when a scope names a
 * namespace that does not exist.
 */
export function diagnoseRequest(
  index: RbacIndex,
  identity: ResolvedIdentity,
  request: RequestAttributes,
  options: { policyRules?: PolicyRulesLookup; authenticationMode?: AuthenticationMode } = {},
): Diagnosis {
  const attrs = normalizeRequest(request)
  const what = describeRequest(attrs)
  const steps: DiagnosisStep[] = []
  const result = (code: DiagnosisCode, message: string, fix: GrantFix | null, paths: GrantPath[] = []): Diagnosis => ({
    request: attrs,
    allowed: code === 'allowed',
    paths,
    code,
    message,
    steps,
    fix,
  })
  const note = (code: string) => identity.notes.find((n) => n.code === code)

  if (!identity.via || identity.username === null) {
    if (note('entry-stale')) {
      steps.push({
        step: 'identity',
        ok: false,
        message: 'The access entry was made for an earlier IAM principal of the same name.',
      })
      return result(
        'entry-stale',
        'The IAM principal was deleted and recreated after its access entry was made; EKS matches the old unique ID, so the entry no longer applies. Delete the entry and create it again.',
        identity.staleEntry ? recreateFix(identity.staleEntry, attrs) : null,
      )
    }
    if (note('entry-ignored-config-map')) {
      steps.push({
        step: 'identity',
        ok: false,
        message: 'The cluster is in CONFIG_MAP mode: access entries are not read.',
      })
      return result(
        'entry-ignored-by-mode',
        'The principal has an access entry, but the cluster authenticates with aws-auth only (CONFIG_MAP). Switch the authentication mode to API_AND_CONFIG_MAP, or map the principal in aws-auth.',
        null,
      )
    }
    if (note('mapping-ignored-api')) {
      steps.push({ step: 'identity', ok: false, message: 'The cluster is in API mode: aws-auth is not read.' })
      return result(
        'mapping-ignored-by-mode',
        'The principal is mapped in aws-auth, but the cluster reads access entries only (API mode). Create an access entry for it.',
        buildFix(identity, attrs, true),
      )
    }
    const pathed = note('mapping-pathed-arn')
    steps.push({
      step: 'identity',
      ok: false,
      message: pathed
        ? 'aws-auth maps the role with its IAM path; sessions carry no path, so the mapping never matches.'
        : 'No access entry and no aws-auth mapping: the cluster refuses the token (401).',
    })
    // A CONFIG_MAP cluster reads no access entries: the way in is an aws-auth mapping, not a grant.
    const configMap = options.authenticationMode === 'CONFIG_MAP'
    return result(
      'no-identity',
      `The principal cannot sign in to this cluster, so it cannot ${what}.${configMap ? ' This cluster reads aws-auth only: map the principal there.' : ''}`,
      identity.entry || configMap ? null : buildFix(identity, attrs, true),
    )
  }
  steps.push({
    step: 'identity',
    ok: true,
    message: `Signs in as ${identity.username} (groups ${identity.groups.join(', ')}) through ${identity.via === 'access-entry' ? 'its access entry' : 'aws-auth'}.`,
  })
  const kube = { ...identity, username: identity.username }
  const paths = explainRequest(index, kube, attrs, options)
  if (paths.length > 0) return result('allowed', `Allowed: ${paths[0]?.text ?? ''}.`, null, paths)

  const lookup = options.policyRules ?? accessPolicyRules
  const cluster = { type: 'cluster' as const, namespaces: [] }
  const outOfScope = identity.accessPolicies.filter((p) => {
    const rules = lookup(p.policyArn)
    return (
      rules !== undefined && rulesAllowInScope(rules, cluster, attrs) && !rulesAllowInScope(rules, p.accessScope, attrs)
    )
  })
  steps.push({
    step: 'access-policies',
    ok: false,
    message:
      identity.accessPolicies.length === 0
        ? 'No access policies are associated.'
        : `${identity.accessPolicies.length} access polic${identity.accessPolicies.length === 1 ? 'y does' : 'ies do'} not allow it${outOfScope.length ? ' here' : ''}.`,
  })
  const realGroups = identity.groups.filter((g) => g !== 'system:authenticated')
  const unbound = realGroups.filter((g) => !index.groupNames.has(g))
  // Bindings of system:authenticated (discovery, self reviews) apply to everyone: they are not the entry's own.
  const everyone = subjectKey('Group', 'system:authenticated')
  const anyBindings = listSubjectKeys(index, kube).some(
    (k) => k !== everyone && (index.clusterBindingsFor(k).length > 0 || index.roleBindingsFor(k).size > 0),
  )
  const applied = listAppliedBindings(index, kube, attrs.nonResourceURL === undefined ? attrs.namespace : undefined)
  steps.push({
    step: 'rbac',
    ok: false,
    message: unbound.length
      ? `Group${unbound.length > 1 ? 's' : ''} ${unbound.join(', ')} ${unbound.length > 1 ? 'are' : 'is'} bound to nothing.`
      : `${applied.length} binding${applied.length === 1 ? '' : 's'} apply here; none allows it.`,
  })

  if (
    identity.via === 'access-entry' &&
    identity.accessPolicies.length === 0 &&
    realGroups.length === 0 &&
    !anyBindings
  )
    return result(
      'entry-grants-nothing',
      'The access entry has no access policy and no Kubernetes group, and nothing is bound to its username: it signs in but may do nothing.',
      buildFix(identity, attrs, false),
    )
  const scoped = outOfScope[0]
  if (scoped) {
    const name = findAccessPolicy(scoped.policyArn)?.name ?? scoped.policyArn
    const clusterScoped = !attrs.namespace
    const scope = clusterScoped
      ? { type: 'cluster' as const, namespaces: [] }
      : { type: 'namespace' as const, namespaces: [...scoped.accessScope.namespaces, attrs.namespace ?? ''] }
    return result(
      'scope-excludes-namespace',
      clusterScoped
        ? `${name} would allow it, but it is scoped to namespaces (${scoped.accessScope.namespaces.join(', ')}) and the request is cluster-wide; a namespace scope never covers cluster-wide requests.`
        : `${name} would allow it, but its scope (${scoped.accessScope.namespaces.join(', ')}) does not include namespace ${attrs.namespace}.`,
      {
        principalArn: identity.entry?.principalArn ?? identity.principalArn,
        policyArn: scoped.policyArn,
        policyName: name,
        accessScope: scope,
        createsEntry: false,
        message: clusterScoped ? `Associate ${name} cluster-wide.` : `Add ${attrs.namespace} to the scope of ${name}.`,
      },
    )
  }
  if (identity.accessPolicies.length === 0 && realGroups.length > 0 && unbound.length === realGroups.length)
    return result(
      'group-bound-to-nothing',
      `The principal's Kubernetes group${unbound.length > 1 ? 's' : ''} (${unbound.join(', ')}) ${unbound.length > 1 ? 'are' : 'is'} not named by any RoleBinding or ClusterRoleBinding, so ${unbound.length > 1 ? 'they grant' : 'it grants'} nothing.`,
      identity.via === 'access-entry' ? buildFix(identity, attrs, false) : null,
    )
  if (identity.accessPolicies.length > 0) {
    const names = identity.accessPolicies.map((p) => findAccessPolicy(p.policyArn)?.name ?? p.policyArn).join(', ')
    return result(
      'policy-lacks-permission',
      `None of the associated access policies (${names}) allows ${what}.`,
      identity.via === 'access-entry' ? buildFix(identity, attrs, false) : null,
    )
  }
  return result(
    'bindings-lack-permission',
    `No binding of the principal's username or groups allows ${what}.`,
    identity.via === 'access-entry' ? buildFix(identity, attrs, false) : null,
  )
}
