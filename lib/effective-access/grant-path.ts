// A grant path: why one request is allowed, step by step from the IAM principal to the rule that matched. Every
// allowed cell of the permission matrix carries at least one.
import { accessPolicyNameFromArn, findAccessPolicy } from '@/lib/access/policy-catalogue'

import { formatBindingName, formatSubject, type RbacBinding, type RbacRole, type RbacSubject } from './rbac-model'

/** kube-apiserver's privileged group: it skips every authorizer (docs/aws-auth.md#systemmasters). */
export type SuperuserPath = { kind: 'superuser'; group: 'system:masters'; text: string }

/** An EKS access policy, associated with the principal's access entry, whose scope and rules cover the request. */
export type AccessPolicyPath = {
  kind: 'access-policy'
  policyArn: string
  policyName: string
  scope: { type: 'cluster' | 'namespace'; namespaces: string[] }
  /** 0-based index into the catalogue's rules for the policy. */
  ruleIndex: number
  /** The catalogue's rules for this policy are a careful reading, not AWS's published table (docs/access-policies.md). */
  unverified: boolean
  text: string
}

/** An RBAC binding of the identity's username, group or service account, and the role rule that matched. */
export type RbacPath = {
  kind: 'rbac'
  subject: RbacSubject
  binding: { kind: RbacBinding['kind']; name: string; namespace?: string }
  role: { kind: string; name: string; namespace?: string }
  ruleIndex: number
  /** For an aggregated ClusterRole: the ClusterRole the matching rule was aggregated from. */
  aggregatedFrom?: string
  /**
   * The binding names the user a templated username (`team-b:{{SessionName}}`) renders to for one session only: the
   * path holds for that session name, not for every session of the role.
   */
  onlyForSession?: string
  text: string
}

export type GrantPath = SuperuserPath | AccessPolicyPath | RbacPath

// Only AmazonEKSHybridPolicy of the non-user policies has a published rule table (docs/access-policies.md).
const VERIFIED_NON_USER = new Set(['AmazonEKSHybridPolicy'])

/** Whether the catalogue's rules for a policy are UNVERIFIED (a reading of AWS's summary, not its table). */
export function isUnverifiedPolicy(policyArn: string): boolean {
  const info = findAccessPolicy(policyArn)
  if (!info?.rules) return false
  return info.category !== 'user' && !VERIFIED_NON_USER.has(info.name)
}

/** `system:masters` → superuser. */
export function buildSuperuserPath(): SuperuserPath {
  return {
    kind: 'superuser',
    group: 'system:masters',
    text: 'group system:masters → superuser (bypasses RBAC and access policies)',
  }
}

/** "access entry → AmazonEKSEditPolicy scoped to team-* → namespace team-a". */
export function buildAccessPolicyPath(
  grant: { policyArn: string; accessScope: { type: 'cluster' | 'namespace'; namespaces: string[] } },
  ruleIndex: number,
  namespace: string | undefined,
): AccessPolicyPath {
  const policyName = accessPolicyNameFromArn(grant.policyArn) ?? grant.policyArn
  const scope =
    grant.accessScope.type === 'cluster' ? 'cluster-wide' : `scoped to ${grant.accessScope.namespaces.join(', ')}`
  const where = namespace ? ` → namespace ${namespace}` : ''
  const unverified = isUnverifiedPolicy(grant.policyArn)
  return {
    kind: 'access-policy',
    policyArn: grant.policyArn,
    policyName,
    scope: { type: grant.accessScope.type, namespaces: [...grant.accessScope.namespaces] },
    ruleIndex,
    unverified,
    text: `access entry → ${policyName} ${scope}${where}, rule ${ruleIndex + 1}${unverified ? ' (UNVERIFIED rules)' : ''}`,
  }
}

const SUBJECT_WORDS: Record<string, string> = { User: 'user', Group: 'group', ServiceAccount: 'service account' }

/** "group devs → RoleBinding team-a/x → ClusterRole edit, rule 2 (aggregated from system:aggregate-to-edit)". */
export function buildRbacPath(
  subject: RbacSubject,
  binding: RbacBinding,
  role: RbacRole,
  ruleIndex: number,
  aggregatedFrom: string | undefined,
  onlyForSession?: string,
): RbacPath {
  const who = formatSubject(subject, binding.namespace).replace(/^(\w+)/, (kind) => SUBJECT_WORDS[kind] ?? kind)
  const roleName = role.kind === 'Role' ? `${role.namespace ?? ''}/${role.name}` : role.name
  const from = aggregatedFrom ? ` (aggregated from ${aggregatedFrom})` : ''
  const session = onlyForSession === undefined ? '' : ` (only for the session named ${onlyForSession})`
  return {
    kind: 'rbac',
    subject,
    binding: { kind: binding.kind, name: binding.name, ...(binding.namespace ? { namespace: binding.namespace } : {}) },
    role: { kind: role.kind, name: role.name, ...(role.namespace ? { namespace: role.namespace } : {}) },
    ruleIndex,
    ...(aggregatedFrom ? { aggregatedFrom } : {}),
    ...(onlyForSession === undefined ? {} : { onlyForSession }),
    text: `${who} → ${binding.kind} ${formatBindingName(binding)} → ${role.kind} ${roleName}, rule ${ruleIndex + 1}${from}${session}`,
  }
}
