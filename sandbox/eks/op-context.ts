import type { AwsRequest, AwsResponse } from '../core/aws-types'
import type { World } from '../core/world'
import { purgeDeletedCluster, resolveUpdateDelayMs, settleClusterUpdates } from './cluster-updates'
import { invalidRequest, resourceNotFound } from './errors'
import { runIdempotent } from './idempotency'
import type { ClusterRecord } from './records'
import type { JsonObject } from './request-body'

/** What every operation receives: the request, its decoded URI labels and JSON body, and the world to act on. */
export interface OpContext {
  world: World
  req: AwsRequest
  labels: Record<string, string>
  body: JsonObject
  now: number
  markDirty(): void
  /** Called after a cluster was created or deleted, so the sandbox can start or stop serving its Kubernetes API. */
  clustersChanged?(): void
}

export type Operation = (ctx: OpContext) => AwsResponse

/**
 * The cluster named by the `{name}` label in the request's region, with due updates settled; 404 otherwise (also
 * once a DELETING cluster's deletion has completed).
 */
export function getClusterOrThrow(ctx: OpContext): ClusterRecord {
  const name = ctx.labels.name ?? ''
  const delay = resolveUpdateDelayMs(ctx.world.eks.settings)
  let cluster = ctx.world.eks.clusters[ctx.req.region]?.[name]
  if (cluster && purgeDeletedCluster(ctx.world.eks.clusters, cluster, ctx.now, delay)) {
    ctx.markDirty()
    cluster = undefined
  }
  // Message as the real API answers it (docs/eks-wire-protocols.md#errors, "obtained through cURL from real API").
  if (!cluster) throw resourceNotFound(`No cluster found for name: ${name}.`, { clusterName: name })
  if (settleClusterUpdates(cluster, ctx.now, delay)) ctx.markDirty()
  return cluster
}

/** Access-entry operations need the access-entry API enabled (mode API or API_AND_CONFIG_MAP). */
export function requireAccessEntryApi(cluster: ClusterRecord): void {
  if (cluster.authenticationMode === 'CONFIG_MAP') {
    throw invalidRequest(
      "The cluster's authentication mode must be set to one of [API, API_AND_CONFIG_MAP] to perform this operation.",
      { clusterName: cluster.name },
    )
  }
}

/** Runs a mutating operation under its clientRequestToken, marking the world dirty when it succeeds. */
export function runMutation(ctx: OpContext, operation: string, act: () => AwsResponse, idempotent = true): AwsResponse {
  const token = idempotent && typeof ctx.body.clientRequestToken === 'string' ? ctx.body.clientRequestToken : undefined
  const response = runIdempotent(
    ctx.world.eks,
    { region: ctx.req.region, operation, rawPath: ctx.req.rawPath, token },
    ctx.body,
    act,
  )
  ctx.markDirty()
  return response
}
