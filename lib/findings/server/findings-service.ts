import 'server-only'

import { listClustersAcrossRegions } from '@/lib/aws/eks-clusters'
import { mapLimited } from '@/lib/aws/map-limited'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { loadClusterSnapshot } from '@/lib/effective-access/server/cluster-snapshot'
import { collectClusterFindings, compareFindings } from '@/lib/findings/evaluate-findings'
import type { FindingsQuery, FindingsReport } from '@/lib/findings/findings-dto'
import { buildFindingsReport, type ClusterEvaluation } from '@/lib/findings/findings-report'
import type { WorkloadChecks } from '@/lib/findings/workload-identity-findings'
import { loadWorkloadIdentity } from '@/lib/workload-identity/server/mapping-service'

import { crossCheckFindings } from './cross-check-findings'
import { loadIamExistence } from './iam-existence'

// A findings page is opened, filtered and re-filtered: the evaluation behind it is reused for a minute, and the
// page's Refresh asks for `fresh` (a new snapshot, IAM listing and workload-identity checks).
const TTL_MS = 60_000
// Each cluster's snapshot already reads its entries 16 at a time; a few clusters at once keeps EKS's rate limit clear.
const CLUSTER_CONCURRENCY = 4

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

async function loadWorkloads(ref: ClusterRef, gaps: string[]): Promise<WorkloadChecks[]> {
  try {
    const { mappings } = await loadWorkloadIdentity(ref)
    return mappings.map((m) => ({
      namespace: m.namespace,
      serviceAccount: m.serviceAccount,
      roleArn: m.effectiveRoleArn,
      checks: m.checks,
    }))
  } catch (error) {
    gaps.push(`workload identity: ${message(error)}`)
    return []
  }
}

async function evaluate(ref: ClusterRef, fresh: boolean): Promise<ClusterEvaluation> {
  const base = { region: ref.region, name: ref.name }
  try {
    const snapshot = await loadClusterSnapshot(ref, { fresh })
    const gaps = [...snapshot.gaps]
    const [iam, workloads] = await Promise.all([
      snapshot.accountId ? loadIamExistence(ref.region, snapshot.accountId, { fresh }) : undefined,
      loadWorkloads(ref, gaps),
    ])
    if (!iam) gaps.push('IAM: the cluster ARN names no account, so principals were not looked up')
    else if ('error' in iam) gaps.push(`IAM: ${iam.error} (principals that no longer exist are not reported)`)
    const namespacesComplete = !snapshot.gaps.some((g) => g.startsWith('namespaces'))
    const { findings, verifiable } = collectClusterFindings({
      cluster: ref,
      auth: snapshot.auth,
      rbac: snapshot.rbac,
      namespaces: namespacesComplete ? snapshot.namespaces : null,
      iam: iam && 'iam' in iam ? iam.iam : undefined,
      workloads,
    })
    // The cluster is asked to confirm the permission findings; where it answers otherwise, that is a finding too.
    const checked = await crossCheckFindings(ref, snapshot.rbac, verifiable)
    gaps.push(...checked.gaps)
    return {
      ...base,
      findings: [...findings, ...checked.findings].sort(compareFindings),
      error: null,
      gaps,
      evaluatedAt: new Date().toISOString(),
    }
  } catch (error) {
    return { ...base, findings: null, error: message(error), gaps: [], evaluatedAt: null }
  }
}

const cache = new Map<string, { at: number; value: Promise<ClusterEvaluation> }>()

/** One cluster's findings (never throws: a cluster that cannot be read is an evaluation with an error). */
export function evaluateClusterCached(ref: ClusterRef, options: { fresh?: boolean } = {}): Promise<ClusterEvaluation> {
  const key = `${ref.region}/${ref.name}`
  const hit = cache.get(key)
  if (!options.fresh && hit && Date.now() - hit.at < TTL_MS) return hit.value
  const value = evaluate(ref, options.fresh === true)
  cache.set(key, { at: Date.now(), value })
  // A failed evaluation is shown once, not remembered: the next look tries again.
  void value.then((e) => e.error && cache.delete(key))
  return value
}

/** Findings of one cluster, filtered as the query asks. */
export async function reportClusterFindings(ref: ClusterRef, query: FindingsQuery): Promise<FindingsReport> {
  const evaluation = await evaluateClusterCached(ref, { fresh: query.fresh === '1' })
  return buildFindingsReport([evaluation], { ...query, cluster: undefined })
}

/** Findings across every cluster of every console region; a region or cluster that fails is reported beside the rest. */
export async function reportAllFindings(query: FindingsQuery): Promise<FindingsReport> {
  const inventory = await listClustersAcrossRegions()
  const evaluations = await mapLimited(inventory.clusters, CLUSTER_CONCURRENCY, (c) =>
    evaluateClusterCached({ region: c.region, name: c.name }, { fresh: query.fresh === '1' }),
  )
  const regionErrors = inventory.regions
    .filter((r) => !r.ok)
    .map((r) => ({ region: r.region, message: r.error?.message ?? 'The region could not be listed.' }))
  return buildFindingsReport(evaluations, query, regionErrors)
}

/** Forgets every cached evaluation (tests). */
export function clearFindingsCache(): void {
  cache.clear()
}
