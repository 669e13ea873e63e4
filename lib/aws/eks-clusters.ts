import 'server-only'

import { DescribeClusterCommand, paginateListClusters, type Cluster } from '@aws-sdk/client-eks'

import { isConsoleError } from '@/lib/api/console-error'
import { processWide } from '@/lib/api/server/process-wide'
import type { ClusterInventory, ClusterSummary, RegionResult } from '@/lib/clusters/cluster-schemas'
import { env } from '@/lib/env'

import { configuredAwsEndpoint, getEksClient } from './aws-clients'
import { toConsoleError } from './aws-errors'
import { toClusterSummary } from './cluster-mappers'
import { mapLimited } from './map-limited'

const DESCRIBE_CONCURRENCY = 8

function eksContext(region: string, notFoundMessage?: string) {
  return { service: 'EKS' as const, region, endpoint: configuredAwsEndpoint(), notFoundMessage }
}

/** Lists every cluster name in `region`, following `nextToken` (ListClusters returns at most 100 per page). */
export async function listClusterNames(region: string): Promise<string[]> {
  const names: string[] = []
  try {
    for await (const page of paginateListClusters({ client: getEksClient(region), pageSize: 100 }, {})) {
      names.push(...(page.clusters ?? []))
    }
  } catch (error) {
    throw toConsoleError(error, eksContext(region))
  }
  return names
}

/**
 * DescribeCluster as the raw SDK shape, for other lib services (lib/k8s needs endpoint + CA). Throws a `not_found`
 * ConsoleError reading "No cluster named X in <region>." for an unknown cluster.
 */
export async function describeEksCluster(region: string, name: string): Promise<Cluster> {
  try {
    const { cluster } = await getEksClient(region).send(new DescribeClusterCommand({ name }))
    if (!cluster) throw new Error(`DescribeCluster returned no cluster for ${name}`)
    seenClusters.set(`${region}/${name}`, Date.now() + EXISTS_TTL_MS)
    return cluster
  } catch (error) {
    throw toConsoleError(error, eksContext(region, `No cluster named ${name} in ${region}.`))
  }
}

// Cluster pages ask on every navigation; a cluster seen in the last minute (any DescribeCluster that answered, the
// inventory's included) is taken to exist without asking AWS again. Process-wide, so a cluster the clusters page has
// just described does not hold the next page's layout (and everything it streams) for another DescribeCluster.
const EXISTS_TTL_MS = 60_000
const seenClusters = processWide('seen-clusters', () => new Map<string, number>())

/**
 * Whether a cluster page should render: false for a region the console is not configured for or a cluster
 * DescribeCluster does not know, so the page can answer 404. Any other failure (throttling, network) counts as
 * existing, and the page shows that error itself with a Retry.
 */
export async function clusterExists(region: string, name: string): Promise<boolean> {
  if (!env.consoleRegions.includes(region)) return false
  const key = `${region}/${name}`
  if ((seenClusters.get(key) ?? 0) > Date.now()) return true
  try {
    await describeEksCluster(region, name)
  } catch (error) {
    if (isConsoleError(error) && error.code === 'not_found') return false
  }
  return true
}

/** DescribeCluster mapped to an inventory row. */
export async function describeClusterSummary(region: string, name: string): Promise<ClusterSummary> {
  return toClusterSummary(await describeEksCluster(region, name), region, name)
}

async function listRegionClusters(region: string): Promise<{ clusters: ClusterSummary[]; result: RegionResult }> {
  try {
    const names = await listClusterNames(region)
    const clusters = await mapLimited(names, DESCRIBE_CONCURRENCY, (name) => describeClusterSummary(region, name))
    return { clusters, result: { region, ok: true, clusterCount: clusters.length } }
  } catch (error) {
    const failure = isConsoleError(error) ? error : toConsoleError(error, eksContext(region))
    return {
      clusters: [],
      result: { region, ok: false, clusterCount: 0, error: { code: failure.code, message: failure.message } },
    }
  }
}

/**
 * The inventory across the configured regions (CONSOLE_REGIONS), queried in parallel. A region that fails is reported
 * in `regions` with its error, and the other regions' clusters are still returned.
 */
export async function listClustersAcrossRegions(
  regions: readonly string[] = env.consoleRegions,
): Promise<ClusterInventory> {
  const perRegion = await Promise.all(regions.map((region) => listRegionClusters(region)))
  const clusters = perRegion
    .flatMap((entry) => entry.clusters)
    .sort((a, b) => a.name.localeCompare(b.name) || a.region.localeCompare(b.region))
  return { clusters, regions: perRegion.map((entry) => entry.result) }
}
