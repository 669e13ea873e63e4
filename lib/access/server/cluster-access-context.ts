import 'server-only'

import { parseArn } from '@/lib/access/arn'
import type { ConsolePrincipalMatch } from '@/lib/access/lockout-guard'
import { processWide } from '@/lib/api/server/process-wide'
import { readAuthenticationMode } from '@/lib/aws/cluster-mappers'
import { describeEksCluster } from '@/lib/aws/eks-clusters'
import { getCallerIdentity } from '@/lib/aws/sts-identity'
import type { AuthenticationMode } from '@/lib/clusters/cluster-schemas'

/** What access-entry logic needs to know about a cluster. */
export type ClusterAccessContext = {
  region: string
  name: string
  accountId: string | null
  authenticationMode: AuthenticationMode
  autoMode: boolean
  nodeRoleArn: string | undefined
  /** The cluster IAM role (DescribeCluster roleArn). */
  clusterRoleArn: string | undefined
}

/** DescribeCluster reduced to the access-relevant facts. Throws not_found for an unknown cluster. */
export async function loadClusterAccessContext(region: string, name: string): Promise<ClusterAccessContext> {
  const cluster = await describeEksCluster(region, name)
  return {
    region,
    name,
    accountId: cluster.arn ? (parseArn(cluster.arn)?.account ?? null) : null,
    authenticationMode: readAuthenticationMode(cluster),
    autoMode: cluster.computeConfig?.enabled === true,
    nodeRoleArn: cluster.computeConfig?.nodeRoleArn ?? undefined,
    clusterRoleArn: cluster.roleArn ?? undefined,
  }
}

/** The console's own principal: an IAM user ARN, or the role of an assumed-role session (path unknown). */
export type ConsolePrincipal = { arn: string; kind: 'role' | 'user' | 'other'; account: string; name: string }

// Process-wide: the access page's first screen and the API stream it hands over to ask STS once between them.
const principalCache = processWide('console-principal', () => ({
  slot: undefined as { at: number; value: Promise<ConsolePrincipal | null> } | undefined,
}))
const PRINCIPAL_TTL_MS = 5 * 60_000

function toConsolePrincipal(identityArn: string): ConsolePrincipal | null {
  const arn = parseArn(identityArn)
  if (!arn) return null
  if (arn.service === 'sts' && arn.resourceType === 'assumed-role') {
    return {
      arn: `arn:${arn.partition}:iam::${arn.account}:role/${arn.name}`,
      kind: 'role',
      account: arn.account,
      name: arn.name,
    }
  }
  const kind = arn.resourceType === 'role' || arn.resourceType === 'user' ? arn.resourceType : 'other'
  return { arn: identityArn, kind, account: arn.account, name: arn.name }
}

/**
 * GetCallerIdentity, cached for five minutes once it answers. Null means the console's identity is unknown right now
 * (STS failed, or answered an ARN the console cannot read); the lockout guard then treats every entry as possibly the
 * console's own. A failure is never cached: the next request asks STS again.
 */
export function getConsolePrincipal(region: string): Promise<ConsolePrincipal | null> {
  const cached = principalCache.slot
  if (cached && Date.now() - cached.at < PRINCIPAL_TTL_MS) return cached.value
  const value = getCallerIdentity(region).then((identity) => toConsolePrincipal(identity.arn))
  const slot = { at: Date.now(), value: value.catch(() => null) }
  principalCache.slot = slot
  // Concurrent callers share the in-flight call; an unusable answer is dropped so the next caller retries.
  void slot.value.then((principal) => {
    if (principal === null && principalCache.slot === slot) principalCache.slot = undefined
  })
  return slot.value
}

/**
 * Whether an access entry's principal is the console's own. STS session ARNs drop the role's path, so roles are
 * matched by account and name; IAM compares ARNs case-insensitively (as aws-iam-authenticator does).
 */
export function isConsolePrincipal(principalArn: string, console: ConsolePrincipal | null): boolean {
  if (!console) return false
  const arn = parseArn(principalArn)
  if (!arn || arn.service !== 'iam') return false
  if (console.kind === 'role') {
    return (
      arn.resourceType === 'role' &&
      arn.account === console.account &&
      arn.name.toLowerCase() === console.name.toLowerCase()
    )
  }
  return principalArn.toLowerCase() === console.arn.toLowerCase()
}

/** Whether an entry is the console's own: `unknown` when the console's identity could not be determined. */
export function matchConsolePrincipal(principalArn: string, console: ConsolePrincipal | null): ConsolePrincipalMatch {
  if (!console) return 'unknown'
  return isConsolePrincipal(principalArn, console) ? 'yes' : 'no'
}

/** Drops the remembered principal (tests; a changed credential takes effect at once). */
export function forgetConsolePrincipal(): void {
  principalCache.slot = undefined
}
