import type { AwsResponse } from '../core/aws-types'
import {
  hasClusterWideUpdateInProgress,
  purgeDeletedCluster,
  resolveUpdateDelayMs,
  settleClusterUpdates,
  startClusterUpdate,
} from './cluster-updates'
import { invalidParameter, resourceInUse, resourceNotFound, type EksError } from './errors'
import { getClusterOrThrow, runMutation, type OpContext, type Operation } from './op-context'
import { normalizeLogging } from './ops-cluster-lifecycle'
import { paginate, sortByKey } from './pagination'
import type { AuthenticationMode, ClusterRecord } from './records'
import { listClusters } from './state'
import { renderAddon, renderCluster, renderNodegroup, renderUpdate, respondJson } from './wire'

// Cluster, update, node group and add-on operations (docs/authentication-modes.md#changing-the-mode, docs/pod-identity.md#agent "Agent").

const AUTH_MODES: readonly AuthenticationMode[] = ['CONFIG_MAP', 'API_AND_CONFIG_MAP', 'API']

/** GET /clusters — names in the request's region; `include=all` would add EKS Connector clusters (none here). */
export const listClustersOp: Operation = (ctx) => {
  const delay = resolveUpdateDelayMs(ctx.world.eks.settings)
  const inRegion = listClusters(ctx.world.eks).filter((c) => c.region === ctx.req.region)
  const purged = inRegion.filter((c) => purgeDeletedCluster(ctx.world.eks.clusters, c, ctx.now, delay))
  if (purged.length) ctx.markDirty()
  const clusters = inRegion.filter((c) => !purged.includes(c))
  for (const c of clusters) if (settleClusterUpdates(c, ctx.now, delay)) ctx.markDirty()
  const page = paginate(
    'ListClusters',
    sortByKey(
      clusters.map((c) => c.name),
      (n) => n,
    ),
    (n) => n,
    ctx.req.query,
  )
  return respondJson({ clusters: page.items, nextToken: page.nextToken }, ctx.req.requestId)
}

/** GET /clusters/{name}. */
export const describeClusterOp: Operation = (ctx) =>
  respondJson({ cluster: renderCluster(getClusterOrThrow(ctx)) }, ctx.req.requestId)

/** Inside the mutation (so an idempotent retry still gets its first answer): one cluster-wide update at a time. */
function refuseWhileUpdating(cluster: ClusterRecord): void {
  if (hasClusterWideUpdateInProgress(cluster)) {
    // UNVERIFIED wording; the model lists ResourceInUseException for UpdateClusterConfig.
    throw resourceInUse(`Cluster ${cluster.name} has an update in progress.`, { clusterName: cluster.name })
  }
}

const ENDPOINT_KEYS = ['endpointPublicAccess', 'endpointPrivateAccess', 'publicAccessCidrs']

/** The non-access-config changes UpdateClusterConfig supports: logging, and the endpoint access flags. */
function startConfigUpdate(
  ctx: OpContext,
  cluster: ClusterRecord,
  kind: 'logging' | 'resourcesVpcConfig',
): AwsResponse {
  if (kind === 'logging') {
    const logging = normalizeLogging(ctx.body.logging)
    return runMutation(ctx, 'UpdateClusterConfig', () => {
      refuseWhileUpdating(cluster)
      const params = [{ type: 'ClusterLogging', value: JSON.stringify(logging) }]
      const update = startClusterUpdate(
        cluster,
        { type: 'LoggingUpdate', params, effect: { kind: 'logging', logging }, marksClusterUpdating: true },
        ctx.now,
      )
      return respondJson({ update: renderUpdate(update) }, ctx.req.requestId)
    })
  }
  const vpc = ctx.body.resourcesVpcConfig as Record<string, unknown>
  const patch = Object.fromEntries(Object.entries(vpc).filter(([k]) => ENDPOINT_KEYS.includes(k)))
  const unsupported = Object.keys(vpc).filter((k) => !ENDPOINT_KEYS.includes(k))
  if (unsupported.length || Object.keys(patch).length === 0) {
    throw invalidParameter(`The sandbox updates only ${ENDPOINT_KEYS.join(', ')} of resourcesVpcConfig.`, {
      clusterName: cluster.name,
    })
  }
  if (patch.endpointPublicAccess === false && patch.endpointPrivateAccess === false) {
    throw invalidParameter('Cluster must have at least one of public or private endpoint access enabled.', {
      clusterName: cluster.name,
    })
  }
  return runMutation(ctx, 'UpdateClusterConfig', () => {
    refuseWhileUpdating(cluster)
    const names: Record<string, string> = {
      endpointPublicAccess: 'EndpointPublicAccess',
      endpointPrivateAccess: 'EndpointPrivateAccess',
      publicAccessCidrs: 'PublicAccessCidrs',
    }
    const params = Object.entries(patch).map(([k, v]) => ({ type: names[k] ?? k, value: JSON.stringify(v) }))
    const update = startClusterUpdate(
      cluster,
      { type: 'EndpointAccessUpdate', params, effect: { kind: 'endpointAccess', patch }, marksClusterUpdating: true },
      ctx.now,
    )
    return respondJson({ update: renderUpdate(update) }, ctx.req.requestId)
  })
}

/**
 * POST /clusters/{name}/update-config — one kind of change per update, as EKS: accessConfig (one-way
 * CONFIG_MAP → API_AND_CONFIG_MAP → API; a skip or a same→same change is "Unsupported authentication mode update"),
 * logging, or the endpoint access flags of resourcesVpcConfig.
 */
export const updateClusterConfigOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const accessConfig = ctx.body.accessConfig as { authenticationMode?: unknown } | undefined
  const kinds = Object.keys(ctx.body).filter((k) => k !== 'clientRequestToken')
  if (kinds.length === 0)
    throw invalidParameter('No changes were specified in the request.', { clusterName: cluster.name })
  // EKS applies one kind of configuration change per update.
  if (kinds.length > 1) throw invalidParameter('Only one type of update can be allowed.', { clusterName: cluster.name })
  if (kinds[0] === 'logging' || kinds[0] === 'resourcesVpcConfig') return startConfigUpdate(ctx, cluster, kinds[0])
  if (!accessConfig) {
    throw invalidParameter(`The sandbox does not support updating ${kinds.join(', ')}.`, { clusterName: cluster.name })
  }
  const mode = accessConfig.authenticationMode
  if (typeof mode !== 'string' || !AUTH_MODES.includes(mode as AuthenticationMode)) {
    throw invalidParameter(`The authenticationMode must be one of [${AUTH_MODES.join(', ')}].`, {
      clusterName: cluster.name,
    })
  }
  return runMutation(ctx, 'UpdateClusterConfig', () => {
    refuseWhileUpdating(cluster)
    const from = cluster.authenticationMode
    const allowed =
      (from === 'CONFIG_MAP' && mode === 'API_AND_CONFIG_MAP') || (from === 'API_AND_CONFIG_MAP' && mode === 'API')
    if (!allowed) {
      throw invalidParameter(`Unsupported authentication mode update from ${from} to ${mode}`, {
        clusterName: cluster.name,
      })
    }
    const update = startClusterUpdate(
      cluster,
      {
        type: 'AccessConfigUpdate',
        params: [{ type: 'AuthenticationMode', value: mode }],
        effect: { kind: 'authenticationMode', mode: mode as AuthenticationMode },
        marksClusterUpdating: true,
      },
      ctx.now,
    )
    return respondJson({ update: renderUpdate(update) }, ctx.req.requestId)
  })
}

function checkUpdateScope(ctx: OpContext): { nodegroupName?: string; addonName?: string } {
  const cluster = getClusterOrThrow(ctx)
  const nodegroupName = ctx.req.query.get('nodegroupName') ?? undefined
  const addonName = ctx.req.query.get('addonName') ?? undefined
  if (nodegroupName && !cluster.nodegroups[nodegroupName]) throw nodegroupNotFound(cluster.name, nodegroupName)
  if (addonName && !cluster.addons[addonName]) throw addonNotFound(cluster.name, addonName)
  return { nodegroupName, addonName }
}

/** GET /clusters/{name}/updates — update ids, optionally of one node group or add-on. */
export const listUpdatesOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const scope = checkUpdateScope(ctx)
  const ids = cluster.updates
    .filter((u) => u.nodegroupName === scope.nodegroupName && u.addonName === scope.addonName)
    .map((u) => u.id)
  const page = paginate(
    'ListUpdates',
    sortByKey(ids, (id) => id),
    (id) => id,
    ctx.req.query,
  )
  return respondJson({ updateIds: page.items, nextToken: page.nextToken }, ctx.req.requestId)
}

/** GET /clusters/{name}/updates/{updateId}. */
export const describeUpdateOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const scope = checkUpdateScope(ctx)
  const id = ctx.labels.updateId ?? ''
  const update = cluster.updates.find(
    (u) => u.id === id && u.nodegroupName === scope.nodegroupName && u.addonName === scope.addonName,
  )
  if (!update) throw resourceNotFound(`No update found for ID: ${id}.`, { clusterName: cluster.name })
  return respondJson({ update: renderUpdate(update) }, ctx.req.requestId)
}

function nodegroupNotFound(clusterName: string, nodegroupName: string): EksError {
  return resourceNotFound(`No node group found for name: ${nodegroupName}.`, { clusterName, nodegroupName })
}

function addonNotFound(clusterName: string, addonName: string): EksError {
  return resourceNotFound(`No addon: ${addonName} found in cluster: ${clusterName}`, { clusterName, addonName })
}

/** GET /clusters/{name}/node-groups. */
export const listNodegroupsOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const names = sortByKey(Object.keys(cluster.nodegroups), (n) => n)
  const page = paginate('ListNodegroups', names, (n) => n, ctx.req.query)
  return respondJson({ nodegroups: page.items, nextToken: page.nextToken }, ctx.req.requestId)
}

/** GET /clusters/{name}/node-groups/{nodegroupName}. */
export const describeNodegroupOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const name = ctx.labels.nodegroupName ?? ''
  const nodegroup = cluster.nodegroups[name]
  if (!nodegroup) throw nodegroupNotFound(cluster.name, name)
  return respondJson({ nodegroup: renderNodegroup(nodegroup, cluster.name) }, ctx.req.requestId)
}

/** GET /clusters/{name}/addons. */
export const listAddonsOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const names = sortByKey(Object.keys(cluster.addons), (n) => n)
  const page = paginate('ListAddons', names, (n) => n, ctx.req.query)
  return respondJson({ addons: page.items, nextToken: page.nextToken }, ctx.req.requestId)
}

/** GET /clusters/{name}/addons/{addonName}. */
export const describeAddonOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const name = ctx.labels.addonName ?? ''
  const addon = cluster.addons[name]
  if (!addon) throw addonNotFound(cluster.name, name)
  return respondJson({ addon: renderAddon(addon, cluster.name) }, ctx.req.requestId)
}
