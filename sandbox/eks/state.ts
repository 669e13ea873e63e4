import { findPrincipal, type IamState } from '../iam/state'
import { DEFAULT_UPDATE_DELAY_MS, resolveUpdateDelayMs, settleClusterUpdates } from './cluster-updates'
import type { AccessEntryRecord, AssociatedPolicyRecord, ClusterRecord, IdempotencyRecord } from './records'
import { buildSeedClusters } from './seed/seed-world'

/** The sandbox's EKS side: clusters per region (EKS is a regional service), and remembered idempotency tokens. */
export interface EksState {
  /** region → cluster name → cluster. */
  clusters: Record<string, Record<string, ClusterRecord>>
  /** `<region>/<operation>/<clientRequestToken>` → the response given; oldest evicted past a bound. */
  idempotency: Record<string, IdempotencyRecord>
  settings: {
    /** How long an update (auth mode, identity provider) stays InProgress, measured from its createdAt. */
    updateDelayMs: number
  }
}

/**
 * Builds the seed EKS world (demo-world.md): prod-web, ml-auto, legacy-batch, eu-shop, and `scale` at large scale.
 * Pass `iam` (already seeded) to store the principals' unique ids with the seeded access entries; otherwise call
 * {@link linkSeedPrincipals} once IAM is seeded.
 */
export function seedEks(opts: { scale: 'default' | 'large'; iam?: IamState }): EksState {
  const eks: EksState = { clusters: {}, idempotency: {}, settings: { updateDelayMs: DEFAULT_UPDATE_DELAY_MS } }
  for (const cluster of buildSeedClusters(opts.scale)) {
    const byName = (eks.clusters[cluster.region] ??= {})
    byName[cluster.name] = cluster
  }
  if (opts.iam) linkSeedPrincipals(eks, opts.iam)
  return eks
}

/** Fills `principalId` of entries that have none from IAM (same-account principals only; others stay null). */
export function linkSeedPrincipals(eks: EksState, iam: IamState): void {
  for (const cluster of listClusters(eks)) {
    for (const entry of Object.values(cluster.accessEntries)) {
      if (entry.principalId !== null) continue
      entry.principalId = findPrincipal(iam, entry.principalArn)?.id ?? null
    }
  }
}

/** Every cluster of every region. */
export function listClusters(eks: EksState): ClusterRecord[] {
  return Object.values(eks.clusters).flatMap((byName) => Object.values(byName))
}

/**
 * The cluster `name` in `region`, or undefined. Updates that are due are settled first (an auth-mode change becomes
 * effective), so the Kubernetes side sees the same mode DescribeCluster reports; settling is derived from persisted
 * data, so it needs no save of its own.
 */
export function findCluster(eks: EksState, region: string, name: string): ClusterRecord | undefined {
  const cluster = eks.clusters[region]?.[name]
  if (cluster) settleClusterUpdates(cluster, Date.now(), resolveUpdateDelayMs(eks.settings))
  return cluster
}

/** The access entry whose principal ARN is exactly `principalArn` (path included), or undefined. */
export function findAccessEntry(cluster: ClusterRecord, principalArn: string): AccessEntryRecord | undefined {
  return Object.prototype.hasOwnProperty.call(cluster.accessEntries, principalArn)
    ? cluster.accessEntries[principalArn]
    : undefined
}

/** The policies associated with an entry, sorted by policy ARN. */
export function listAssociatedPolicies(entry: AccessEntryRecord): AssociatedPolicyRecord[] {
  return Object.values(entry.policies).sort((a, b) => (a.policyArn < b.policyArn ? -1 : 1))
}

/**
 * Records where the sandbox's Kubernetes API server for a cluster listens and its CA (base64 PEM, as EKS reports
 * `certificateAuthority.data`). Called by the Kubernetes server at start.
 */
export function setClusterConnection(
  eks: EksState,
  region: string,
  name: string,
  conn: { endpoint: string; certificateAuthorityData: string },
): void {
  const cluster = findCluster(eks, region, name)
  if (!cluster) throw new Error(`setClusterConnection: no cluster ${name} in ${region}`)
  cluster.endpoint = conn.endpoint
  cluster.certificateAuthorityData = conn.certificateAuthorityData
}
