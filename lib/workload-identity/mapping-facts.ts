// The facts one mapping is judged on, and what is shared by the Pod Identity and IRSA checks. Pure.
import { parseArn } from '@/lib/access/arn'

import type { ParsedTrustPolicy } from './trust-policy'
import type { Check, ClusterIdentityFacts, IrsaDto, PodIdentityDto } from './workload-identity-schemas'

/** What IAM said about a role. Roles of other accounts cannot be read with the console's credentials. */
export type RoleFacts =
  | { state: 'found'; trust: ParsedTrustPolicy }
  | { state: 'not-found' }
  | { state: 'other-account' }
  | { state: 'error'; message: string }

/** A pod of the service account, with its owner so a restart can name the Deployment. */
export type PodFacts = {
  name: string
  phase: string
  startTime: string | null
  owner?: { kind: string; name: string }
}

export type MappingFacts = {
  cluster: ClusterIdentityFacts
  namespace: string
  serviceAccount: string
  serviceAccountExists: boolean
  podIdentity: PodIdentityDto | null
  irsa: IrsaDto | null
  podIdentityRole?: RoleFacts
  irsaRole?: RoleFacts
  pods: PodFacts[]
}

/** The role name of an ARN (for sentences). */
export const roleName = (arn: string) => parseArn(arn)?.name ?? arn

/** A check for a role IAM does not have, in another account, or unreadable; undefined when it was read. */
export function roleProblem(role: RoleFacts | undefined, arn: string): Check | undefined {
  if (!role || role.state === 'found') return undefined
  const base = { id: 'role', title: 'IAM role' }
  if (role.state === 'not-found')
    return { ...base, status: 'fail', reason: `IAM has no role ${roleName(arn)} (${arn}): nobody can assume it.` }
  if (role.state === 'other-account')
    return {
      ...base,
      status: 'fail',
      reason: `${arn} is in another account; the role must be in the cluster's account.`,
    }
  return { ...base, status: 'info', reason: `The console could not read the role: ${role.message}` }
}
