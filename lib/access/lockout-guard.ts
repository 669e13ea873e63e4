import type { AccessScopeDto, AssociatedPolicyDto, LockoutRisk } from '@/lib/access/access-entry-dto'
import { accessPolicyNameFromArn } from '@/lib/access/policy-catalogue'
import { ConsoleError } from '@/lib/api/console-error'
import { hasRole, type ConsoleRole } from '@/lib/auth/console-role'

/** A change that takes access away from an entry. */
export type AccessRemoval =
  | { kind: 'delete-entry' }
  | { kind: 'remove-policy'; policyArn: string }
  | { kind: 'change-scope'; policyArn: string; accessScope: AccessScopeDto }

const isClusterAdminPolicy = (arn: string) => accessPolicyNameFromArn(arn) === 'AmazonEKSClusterAdminPolicy'

/** What the guard reads of a policy association (EKS's own shape and the DTO both have it). */
export type PolicyGrant = Pick<AssociatedPolicyDto, 'policyArn' | 'accessScope'>

/** A cluster-admin path: AmazonEKSClusterAdminPolicy at cluster scope. */
export function isClusterAdminPath(policies: readonly PolicyGrant[]): boolean {
  return policies.some((p) => isClusterAdminPolicy(p.policyArn) && p.accessScope.type === 'cluster')
}

function policiesAfter(policies: readonly PolicyGrant[], change: AccessRemoval): PolicyGrant[] {
  switch (change.kind) {
    case 'delete-entry':
      return []
    case 'remove-policy':
      return policies.filter((p) => p.policyArn !== change.policyArn)
    case 'change-scope':
      return policies.map((p) => (p.policyArn === change.policyArn ? { ...p, accessScope: change.accessScope } : p))
  }
}

/** Whether an entry is the console's own principal; `unknown` when STS could not say who the console is. */
export type ConsolePrincipalMatch = 'yes' | 'no' | 'unknown'

function takesAccessAway(policies: readonly PolicyGrant[], change: AccessRemoval): boolean {
  if (change.kind !== 'change-scope') return true
  const before = policies.find((p) => p.policyArn === change.policyArn)
  return before?.accessScope.type === 'cluster' && change.accessScope.type === 'namespace'
}

/**
 * Decides whether a change could lock people out: it removes the last cluster-admin path (no other entry keeps
 * AmazonEKSClusterAdminPolicy at cluster scope), or it takes access away from the console's own principal, which
 * would stop the console itself from working on this cluster. When the console's identity is unknown, every entry
 * might be its own, so the guard fails closed rather than guessing "not ours".
 */
export function findLockoutRisk(input: {
  policies: readonly PolicyGrant[]
  change: AccessRemoval
  otherClusterAdminCount: number
  consolePrincipal: ConsolePrincipalMatch
}): LockoutRisk | null {
  const after = policiesAfter(input.policies, input.change)
  if (isClusterAdminPath(input.policies) && !isClusterAdminPath(after) && input.otherClusterAdminCount === 0) {
    return 'last-cluster-admin'
  }
  if (input.consolePrincipal === 'no' || !takesAccessAway(input.policies, input.change)) return null
  return input.consolePrincipal === 'yes' ? 'console-principal' : 'console-identity-unknown'
}

const explanations: Record<LockoutRisk, string> = {
  'last-cluster-admin':
    'This is the last access entry with AmazonEKSClusterAdminPolicy on the whole cluster; without it nobody can administer the cluster through access entries.',
  'console-principal':
    "This entry is the console's own AWS principal; removing its access stops the console from managing this cluster.",
  'console-identity-unknown':
    "The console could not determine its own AWS identity (STS GetCallerIdentity failed), so this entry may be the console's own; removing its access could stop the console from managing this cluster.",
}

/** Plain-language sentence for a lockout risk. */
export function describeLockoutRisk(risk: LockoutRisk): string {
  return explanations[risk]
}

/**
 * Enforces the lockout guard: a risky change needs a console admin who typed the cluster name. Throws 409 with an
 * issue on `confirmClusterName` (the form shows the typed confirmation) or 403 for a non-admin.
 */
export function assertLockoutGuard(input: {
  risk: LockoutRisk | null
  cluster: string
  role: ConsoleRole
  confirmClusterName: string | undefined
}): void {
  if (!input.risk) return
  const why = describeLockoutRisk(input.risk)
  if (!hasRole(input.role, 'admin')) {
    throw new ConsoleError('forbidden', `${why} Only a console admin can make this change.`)
  }
  if (input.confirmClusterName !== input.cluster) {
    const message = `${why} Type the cluster name ${input.cluster} to confirm.`
    throw new ConsoleError('conflict', message, { issues: [{ path: ['confirmClusterName'], message }] })
  }
}
