// The lockout guard for aws-auth edits: removing the last system:masters mapping when no access entry gives cluster
// admin, or a node-role / Fargate mapping that nothing replaces, can lock people out or stop nodes and Fargate pods
// from joining (the EKS user guide says never to delete those rows:
// https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html). Such changes need the cluster name typed.
import type { AwsAuthGuardDto } from './aws-auth-dto'
import { awsAuthMeaningLabels, classifyAwsAuthMapping, isWorkloadMeaning } from './aws-auth-meaning'
import type { ParsedAwsAuth } from './aws-auth-parse'
import { principalKey } from './aws-auth-view'

type Risk = AwsAuthGuardDto['risks'][number]

const mappings = (parsed: ParsedAwsAuth) => [...parsed.mapRoles, ...parsed.mapUsers]

/** The risks of going from `before` to `after`, and whether the typed cluster name accepts them. */
export function checkAwsAuthLockout(input: {
  before: ParsedAwsAuth
  after: ParsedAwsAuth
  clusterName: string
  /** An access entry with AmazonEKSClusterAdminPolicy at cluster scope exists and the mode reads entries. */
  clusterAdminViaAccessEntry: boolean
  /** Principals with an access entry (only in modes that read entries): they keep access without aws-auth. */
  accessEntryArns: readonly string[]
  confirmClusterName?: string
}): AwsAuthGuardDto {
  const risks: Risk[] = []
  const admins = (parsed: ParsedAwsAuth) => mappings(parsed).filter((m) => classifyAwsAuthMapping(m) === 'admin')
  if (admins(input.before).length > 0 && admins(input.after).length === 0 && !input.clusterAdminViaAccessEntry) {
    risks.push({
      kind: 'last-admin',
      message:
        'This removes the last system:masters mapping and no access entry gives cluster admin: nobody but the cluster creator may be able to administer the cluster afterwards.',
    })
  }
  const withEntry = new Set(input.accessEntryArns.map(principalKey))
  const kept = new Set(mappings(input.after).map((m) => `${principalKey(m.arn)} ${classifyAwsAuthMapping(m)}`))
  for (const mapping of mappings(input.before)) {
    const meaning = classifyAwsAuthMapping(mapping)
    if (!isWorkloadMeaning(meaning)) continue
    if (kept.has(`${principalKey(mapping.arn)} ${meaning}`) || withEntry.has(principalKey(mapping.arn))) continue
    risks.push({
      kind: 'workload',
      message: `${mapping.arn} loses its mapping (${awsAuthMeaningLabels[meaning]}) and no access entry replaces it: ${meaning === 'fargate' ? 'Fargate pods using it will not start' : 'nodes using it cannot join the cluster'}.`,
    })
  }
  return { risks, satisfied: risks.length === 0 || input.confirmClusterName === input.clusterName }
}
