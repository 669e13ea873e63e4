import { buildAddonArn, buildNodegroupArn } from './arns'
import { startClusterUpdate } from './cluster-updates'
import { invalidParameter, invalidRequest, resourceInUse, resourceNotFound } from './errors'
import { generateUuid } from './ids'
import { ensureManagedAccessEntry } from './managed-access-entries'
import { getClusterOrThrow, runMutation, type Operation } from './op-context'
import type { AddonRecord, ClusterRecord, NodegroupRecord } from './records'
import { renderAddon, renderNodegroup, renderUpdate, respondJson } from './wire'

// Node group and add-on writes (https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html,
// API_CreateAddon.html, API_UpdateAddon.html, and the Delete operations). New ones are CREATING, then ACTIVE after
// the sandbox's update delay; nothing runs.

type Json = Record<string, unknown>

const asObject = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {})
const asStrings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
const asNumber = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback)
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

function requireActive(cluster: ClusterRecord): void {
  if (cluster.status === 'ACTIVE' || cluster.status === 'UPDATING') return
  throw invalidRequest(`Cluster '${cluster.name}' is not in ACTIVE status`, { clusterName: cluster.name })
}

/** POST /clusters/{name}/node-groups: the node role gets an EC2 access entry when the mode allows entries. */
export const createNodegroupOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const body = ctx.body as Json
  const name = asString(body.nodegroupName) ?? ''
  const nodeRole = asString(body.nodeRole) ?? ''
  const subnets = asStrings(body.subnets)
  if (!name) throw invalidParameter('nodegroupName must be specified', { clusterName: cluster.name })
  if (!ctx.world.iam.roles.some((r) => r.arn === nodeRole))
    throw invalidParameter(`The role with arn ${nodeRole} does not exist`, { clusterName: cluster.name })
  if (subnets.length === 0) throw invalidParameter('Subnets are required', { clusterName: cluster.name })
  requireActive(cluster)
  return runMutation(ctx, 'CreateNodegroup', () => {
    if (cluster.nodegroups[name]) {
      throw resourceInUse(`NodeGroup already exists with name ${name} and cluster name ${cluster.name}`, {
        clusterName: cluster.name,
        nodegroupName: name,
      })
    }
    const uuid = generateUuid()
    const amiType = asString(body.amiType) ?? 'AL2023_x86_64_STANDARD'
    const scaling = asObject(body.scalingConfig)
    const nodegroup: NodegroupRecord = {
      nodegroupName: name,
      nodegroupArn: buildNodegroupArn(cluster.region, ctx.world.account, cluster.name, name, uuid),
      version: asString(body.version) ?? cluster.version,
      releaseVersion: asString(body.releaseVersion) ?? `${cluster.version}.0-20251120`,
      createdAt: ctx.now,
      modifiedAt: ctx.now,
      status: 'CREATING',
      capacityType: body.capacityType === 'SPOT' ? 'SPOT' : 'ON_DEMAND',
      scalingConfig: {
        minSize: asNumber(scaling.minSize, 1),
        maxSize: asNumber(scaling.maxSize, 2),
        desiredSize: asNumber(scaling.desiredSize, 2),
      },
      instanceTypes: asStrings(body.instanceTypes).length ? asStrings(body.instanceTypes) : ['t3.medium'],
      subnets,
      amiType,
      nodeRole,
      labels: asObject(body.labels) as Record<string, string>,
      taints: Array.isArray(body.taints) ? (body.taints as NodegroupRecord['taints']) : [],
      diskSize: asNumber(body.diskSize, 20),
      autoScalingGroupName: `eks-${name}-${uuid}`,
      tags: asObject(body.tags) as Record<string, string>,
    }
    cluster.nodegroups[name] = nodegroup
    if (cluster.authenticationMode !== 'CONFIG_MAP') {
      const type = amiType.startsWith('WINDOWS') ? 'EC2_WINDOWS' : 'EC2_LINUX'
      ensureManagedAccessEntry(cluster, ctx.world.iam, nodeRole, type, ctx.now)
    }
    return respondJson({ nodegroup: renderNodegroup(nodegroup, cluster.name) }, ctx.req.requestId)
  })
}

/**
 * DELETE /clusters/{name}/node-groups/{nodegroupName}: DELETING for the update delay, then gone. Its node role's
 * access entry stays, as on EKS, which never removes the entries it made for node groups
 * (https://github.com/aws/containers-roadmap/issues/2441).
 */
export const deleteNodegroupOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const name = ctx.labels.nodegroupName ?? ''
  const nodegroup = cluster.nodegroups[name]
  if (!nodegroup) {
    throw resourceNotFound(`No node group found for name: ${name}.`, { clusterName: cluster.name, nodegroupName: name })
  }
  return runMutation(
    ctx,
    'DeleteNodegroup',
    () => {
      if (nodegroup.status !== 'DELETING') Object.assign(nodegroup, { status: 'DELETING', modifiedAt: ctx.now })
      return respondJson({ nodegroup: renderNodegroup(nodegroup, cluster.name) }, ctx.req.requestId)
    },
    false,
  )
}

function addonNotFound(cluster: ClusterRecord, name: string) {
  return resourceNotFound(`No addon: ${name} found in cluster: ${cluster.name}`, {
    clusterName: cluster.name,
    addonName: name,
  })
}

/** POST /clusters/{name}/addons. */
export const createAddonOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const body = ctx.body as Json
  const name = asString(body.addonName) ?? ''
  if (!name) throw invalidParameter('addonName must be specified', { clusterName: cluster.name })
  requireActive(cluster)
  return runMutation(ctx, 'CreateAddon', () => {
    if (cluster.addons[name])
      throw resourceInUse('Addon already exists.', { clusterName: cluster.name, addonName: name })
    const addon: AddonRecord = {
      addonName: name,
      addonArn: buildAddonArn(cluster.region, ctx.world.account, cluster.name, name, generateUuid()),
      addonVersion: asString(body.addonVersion) ?? `v1.0.0-eksbuild.1`,
      status: 'CREATING',
      createdAt: ctx.now,
      modifiedAt: ctx.now,
      serviceAccountRoleArn: asString(body.serviceAccountRoleArn),
      configurationValues: asString(body.configurationValues),
      podIdentityAssociations: [],
      tags: asObject(body.tags) as Record<string, string>,
    }
    cluster.addons[name] = addon
    return respondJson({ addon: renderAddon(addon, cluster.name) }, ctx.req.requestId)
  })
}

/** DELETE /clusters/{name}/addons/{addonName}: DELETING for the update delay, then gone. */
export const deleteAddonOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const name = ctx.labels.addonName ?? ''
  const addon = cluster.addons[name]
  if (!addon) throw addonNotFound(cluster, name)
  return runMutation(
    ctx,
    'DeleteAddon',
    () => {
      if (addon.status !== 'DELETING') Object.assign(addon, { status: 'DELETING', modifiedAt: ctx.now })
      return respondJson({ addon: renderAddon(addon, cluster.name) }, ctx.req.requestId)
    },
    false,
  )
}

/** POST /clusters/{name}/addons/{addonName}/update: stores the new settings, an AddonUpdate runs until it settles. */
export const updateAddonOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const name = ctx.labels.addonName ?? ''
  const addon = cluster.addons[name]
  if (!addon) throw addonNotFound(cluster, name)
  const body = ctx.body as Json
  const changes: { type: string; value: string }[] = []
  const version = asString(body.addonVersion)
  const role = asString(body.serviceAccountRoleArn)
  const values = asString(body.configurationValues)
  if (version !== undefined) changes.push({ type: 'AddonVersion', value: version })
  if (role !== undefined) changes.push({ type: 'ServiceAccountRoleArn', value: role })
  if (values !== undefined) changes.push({ type: 'ConfigurationValues', value: values })
  return runMutation(ctx, 'UpdateAddon', () => {
    if (version !== undefined) addon.addonVersion = version
    // An empty string removes the role, as in EKS.
    if (role !== undefined) addon.serviceAccountRoleArn = role || undefined
    if (values !== undefined) addon.configurationValues = values
    addon.status = 'UPDATING'
    addon.modifiedAt = ctx.now
    const update = startClusterUpdate(
      cluster,
      { type: 'AddonUpdate', params: changes, effect: { kind: 'addon', addonName: name }, marksClusterUpdating: false },
      ctx.now,
    )
    update.addonName = name
    return respondJson({ update: renderUpdate(update) }, ctx.req.requestId)
  })
}
