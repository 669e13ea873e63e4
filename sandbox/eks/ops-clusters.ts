import {
  hasClusterWideUpdateInProgress,
  resolveUpdateDelayMs,
  settleClusterUpdates,
  startClusterUpdate,
} from './cluster-updates'
import { invalidParameter, resourceInUse, resourceNotFound, type EksError } from './errors'
import { getClusterOrThrow, runMutation, type OpContext, type Operation } from './op-context'
import { paginate, sortByKey } from './pagination'
import type { AuthenticationMode } from './records'
import { listClusters } from './state'
import { renderAddon, renderCluster, renderNodegroup, renderUpdate, respondJson } from './wire'

// Cluster, update, node group and add-on operations (docs/authentication-modes.md#changing-the-mode, docs/pod-identity.md#agent "Agent").

const AUTH_MODES: readonly AuthenticationMode[] = ['CONFIG_MAP', 'API_AND_CONFIG_MAP', 'API']

/** GET /clusters — names in the request's region; `include=all` would add EKS Connector clusters (none here). */
export const listClustersOp: Operation = (ctx) => {
  const delay = resolveUpdateDelayMs(ctx.world.eks.settings)
  const clusters = listClusters(ctx.world.eks).filter((c) => c.region === ctx.req.region)
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

/**
 * POST /clusters/{name}/update-config — the sandbox implements the accessConfig change: one-way
 * CONFIG_MAP → API_AND_CONFIG_MAP → API; a skip or a same→same change is "Unsupported authentication mode update".
 */
export const updateClusterConfigOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const accessConfig = ctx.body.accessConfig as { authenticationMode?: unknown } | undefined
  const others = Object.keys(ctx.body).filter((k) => k !== 'accessConfig' && k !== 'clientRequestToken')
  if (!accessConfig) {
    throw invalidParameter(
      others.length
        ? `The sandbox does not support updating ${others.join(', ')}; only accessConfig.authenticationMode.`
        : 'No changes were specified in the request.',
      { clusterName: cluster.name },
    )
  }
  if (others.length) {
    // EKS applies one kind of configuration change per update.
    throw invalidParameter('Only one type of update can be allowed.', { clusterName: cluster.name })
  }
  const mode = accessConfig.authenticationMode
  if (typeof mode !== 'string' || !AUTH_MODES.includes(mode as AuthenticationMode)) {
    throw invalidParameter(`The authenticationMode must be one of [${AUTH_MODES.join(', ')}].`, {
      clusterName: cluster.name,
    })
  }
  return runMutation(ctx, 'UpdateClusterConfig', () => {
    if (hasClusterWideUpdateInProgress(cluster)) {
      // UNVERIFIED wording; the model lists ResourceInUseException for UpdateClusterConfig.
      throw resourceInUse(`Cluster ${cluster.name} has an update in progress.`, { clusterName: cluster.name })
    }
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
