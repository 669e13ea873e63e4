import { findPrincipal, type IamState } from '../iam/state'
import { buildDefaultUsername, listSystemGroups, parsePrincipalArn } from './access-entry-rules'
import { buildAccessPolicyArn } from './access-policies'
import { buildAccessEntryArn } from './arns'
import { generateUuid } from './ids'
import type { AccessEntryRecord, AccessEntryType, ClusterRecord } from './records'

// Access entries EKS creates by itself: the cluster creator's admin entry (CreateCluster with
// bootstrapClusterCreatorAdminPermissions) and a node role's entry (CreateNodegroup on a cluster whose mode allows
// access entries), per https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html.

/**
 * Adds an access entry unless the principal already has one (EKS leaves an existing entry alone). Returns the entry
 * in place afterwards.
 */
export function ensureManagedAccessEntry(
  cluster: ClusterRecord,
  iam: IamState,
  principalArn: string,
  type: AccessEntryType,
  now: number,
  opts: { adminPolicy?: boolean } = {},
): AccessEntryRecord {
  const existing = cluster.accessEntries[principalArn]
  if (existing) return existing
  const principal = parsePrincipalArn(principalArn)
  const entry: AccessEntryRecord = {
    principalArn,
    principalId: findPrincipal(iam, principalArn)?.id ?? null,
    type,
    username: buildDefaultUsername(principalArn, principal, type),
    kubernetesGroups: listSystemGroups(type),
    accessEntryArn: buildAccessEntryArn(
      cluster.region,
      cluster.arn.split(':')[4] ?? '',
      cluster.name,
      principal,
      generateUuid(),
    ),
    createdAt: now,
    modifiedAt: now,
    tags: {},
    policies: {},
  }
  if (opts.adminPolicy) {
    const policyArn = buildAccessPolicyArn('AmazonEKSClusterAdminPolicy')
    entry.policies[policyArn] = {
      policyArn,
      accessScope: { type: 'cluster', namespaces: [] },
      associatedAt: now,
      modifiedAt: now,
    }
  }
  cluster.accessEntries[principalArn] = entry
  return entry
}

/** The IAM principal behind a caller: the user ARN, or for an STS session the role's IAM ARN (path included). */
export function resolveCallerPrincipalArn(iam: IamState, caller: { arn: string; accessKeyId: string }): string {
  return iam.sessions.find((s) => s.accessKeyId === caller.accessKeyId)?.roleArn ?? caller.arn
}
