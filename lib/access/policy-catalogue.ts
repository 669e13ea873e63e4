// The access-policy catalogue: what each AWS-managed EKS access policy means in Kubernetes terms. The EKS API never
// returns policy contents (ListAccessPolicies gives only name + arn), so the console and the sandbox's authorizer
// read them from here. Unknown `cluster-access-policy/` ARNs are valid (the list grows): lookups return undefined.
import type { AccessPolicyDto, AssociatedPolicyDto } from './access-entry-dto'
import { accessPolicyArn, AUTO_NODE_POLICY_ARN } from './access-policy-arn'
import { accessPolicyEntries } from './policy-catalogue-entries'
import type { PolicyRule } from './policy-rule'

export type { PolicyRule } from './policy-rule'
// Kept exported from the catalogue; pages that need only these import access-policy-arn.ts (no catalogue data).
export { accessPolicyArn, AUTO_NODE_POLICY_ARN }

/** One access policy as the console explains it. */
export type AccessPolicyInfo = {
  name: string
  /** `arn:aws:eks::aws:cluster-access-policy/<name>`: no region, no account. */
  arn: string
  /** One plain-English sentence for a platform admin. */
  summary: string
  category: 'user' | 'auto-mode' | 'eks-internal' | 'service'
  typicalScope: 'cluster' | 'namespace'
  /** Kubernetes rules the policy grants; undefined when AWS has not documented them. */
  rules: PolicyRule[] | undefined
  /** EKS attaches it itself (Auto Mode, its own service role); people should not associate or remove it. */
  managedByEks: boolean
}

/** Every known access policy. */
export const accessPolicyCatalogue: readonly AccessPolicyInfo[] = accessPolicyEntries

const POLICY_ARN = /^arn:(aws|aws-cn|aws-us-gov):eks::aws:cluster-access-policy\/([A-Za-z0-9_+=,.@-]+)$/
const byName = new Map(accessPolicyCatalogue.map((policy) => [policy.name.toLowerCase(), policy]))

/** Returns the policy name from an access-policy ARN (aws, aws-cn or aws-us-gov partition), or undefined. */
export function accessPolicyNameFromArn(arn: string): string | undefined {
  return POLICY_ARN.exec(arn.trim())?.[2]
}

/** Finds a catalogue entry by ARN (any partition) or by bare policy name; undefined for unknown policies. */
export function findAccessPolicy(arnOrName: string): AccessPolicyInfo | undefined {
  const trimmed = arnOrName.trim()
  const name = trimmed.startsWith('arn:') ? accessPolicyNameFromArn(trimmed) : trimmed
  // EKS policy names are case-sensitive in ARNs, but a person typing "amazonekseditpolicy" means the same policy.
  return name === undefined ? undefined : byName.get(name.toLowerCase())
}

/**
 * The Kubernetes rules an access policy grants, for the sandbox authorizer and the permission resolver.
 * Returns undefined for an unknown policy or one whose rules are not documented (grant nothing).
 */
export function accessPolicyRules(policyArn: string): PolicyRule[] | undefined {
  const name = accessPolicyNameFromArn(policyArn)
  if (name === undefined) return undefined
  // Exact-case match here: the authorizer must not grant for an ARN EKS itself would reject.
  const policy = byName.get(name.toLowerCase())
  return policy?.name === name ? policy.rules : undefined
}

/** Explains one policy from the catalogue; a policy it does not know is kept, marked "rules not documented". */
export function describeAccessPolicy(name: string, arn: string): AccessPolicyDto {
  const info = findAccessPolicy(arn) ?? findAccessPolicy(name)
  return {
    name,
    arn,
    summary: info?.summary ?? null,
    category: info?.category ?? null,
    typicalScope: info?.typicalScope ?? null,
    documented: info?.rules !== undefined,
    managedByEks: info?.managedByEks ?? false,
    rules: info?.rules ?? null,
  }
}

/** A policy association as EKS describes it, named for people (the ARN's last part; the ARN when it is not EKS's). */
export function toAssociatedPolicyDto(policy: Omit<AssociatedPolicyDto, 'policyName'>): AssociatedPolicyDto {
  return { ...policy, policyName: accessPolicyNameFromArn(policy.policyArn) ?? policy.policyArn }
}
