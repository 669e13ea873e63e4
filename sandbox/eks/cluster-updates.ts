import { generateUuid } from './ids'
import type { ClusterRecord, UpdateEffect, UpdateRecord } from './records'

/** Default delay before a lazily evaluated update reports Successful. */
export const DEFAULT_UPDATE_DELAY_MS = 2500

/** The update delay in force: `SANDBOX_EKS_UPDATE_DELAY_MS` overrides the state's setting (tests shorten it). */
export function resolveUpdateDelayMs(settings: { updateDelayMs: number } | undefined): number {
  const fromEnv = process.env.SANDBOX_EKS_UPDATE_DELAY_MS
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv)) return Number(fromEnv)
  return settings?.updateDelayMs ?? DEFAULT_UPDATE_DELAY_MS
}

// Updates finish lazily: an InProgress update becomes Successful on the first read after `delayMs` have passed since
// its createdAt, and its effect (new authentication mode, identity provider ACTIVE or gone) is applied then. That
// mimics EKS, where the cluster is UPDATING for a while and DescribeUpdate is how callers wait (docs/authentication-modes.md#changing-the-mode).

/** Settles every update of the cluster that is due; returns whether anything changed (so the caller marks dirty). */
export function settleClusterUpdates(cluster: ClusterRecord, now: number, delayMs: number): boolean {
  let changed = settleCreations(cluster, now, delayMs)
  for (const update of cluster.updates) {
    if (update.status !== 'InProgress' || now - update.createdAt < delayMs) continue
    update.status = 'Successful'
    if (update.effect) applyEffect(cluster, update.effect)
    changed = true
  }
  if (changed && cluster.status === 'UPDATING' && !hasClusterWideUpdateInProgress(cluster)) {
    cluster.status = 'ACTIVE'
  }
  return changed
}

/**
 * A cluster, node group or add-on CREATING since `createdAt` becomes ACTIVE once the delay has passed; a node group
 * or add-on DELETING since `modifiedAt` is gone then (EKS lists it as DELETING until its resources are torn down).
 */
function settleCreations(cluster: ClusterRecord, now: number, delayMs: number): boolean {
  let changed = false
  const due = (createdAt: number) => now - createdAt >= delayMs
  if (cluster.status === 'CREATING' && due(cluster.createdAt)) {
    cluster.status = 'ACTIVE'
    changed = true
  }
  for (const children of [cluster.nodegroups, cluster.addons] as Record<
    string,
    { status: string; modifiedAt: number }
  >[]) {
    for (const [name, child] of Object.entries(children)) {
      if (!due(child.modifiedAt)) continue
      if (child.status === 'CREATING' || child.status === 'UPDATING') child.status = 'ACTIVE'
      else if (child.status === 'DELETING') delete children[name]
      else continue
      changed = true
    }
  }
  return changed
}

/**
 * Whether a DELETING cluster's deletion is complete (the update delay has passed since DeleteCluster): EKS keeps
 * answering DescribeCluster and ListClusters with it, status DELETING, until then, and ResourceNotFoundException
 * afterwards (https://docs.aws.amazon.com/eks/latest/userguide/delete-cluster.html).
 */
export function isClusterDeletionDue(cluster: ClusterRecord, now: number, delayMs: number): boolean {
  return cluster.status === 'DELETING' && now - (cluster.deletingSince ?? 0) >= delayMs
}

/**
 * Removes `cluster` from `clusters` (region → name → cluster) when its deletion is due; returns whether it did (the
 * caller marks the world dirty).
 */
export function purgeDeletedCluster(
  clusters: Record<string, Record<string, ClusterRecord>>,
  cluster: ClusterRecord,
  now: number,
  delayMs: number,
): boolean {
  if (!isClusterDeletionDue(cluster, now, delayMs)) return false
  const byName = clusters[cluster.region]
  if (byName?.[cluster.name] !== cluster) return false
  delete byName[cluster.name]
  return true
}

function applyEffect(cluster: ClusterRecord, effect: UpdateEffect): void {
  switch (effect.kind) {
    case 'logging':
      cluster.logging = effect.logging
      return
    case 'endpointAccess':
      cluster.resourcesVpcConfig = { ...cluster.resourcesVpcConfig, ...effect.patch }
      return
    case 'addon':
      // The add-on's new settings were stored when the update started; it is ACTIVE again once it settles.
      return
    case 'authenticationMode':
      cluster.authenticationMode = effect.mode
      return
    case 'associateIdentityProvider': {
      const config = cluster.identityProviderConfigs[effect.name]
      if (config) config.status = 'ACTIVE'
      return
    }
    case 'disassociateIdentityProvider':
      delete cluster.identityProviderConfigs[effect.name]
      return
  }
}

/** Whether an update that puts the whole cluster in UPDATING (not a node group or add-on one) is still running. */
export function hasClusterWideUpdateInProgress(cluster: ClusterRecord): boolean {
  return cluster.updates.some((u) => u.status === 'InProgress' && !u.nodegroupName && !u.addonName)
}

/** Starts an InProgress update on the cluster and returns it. */
export function startClusterUpdate(
  cluster: ClusterRecord,
  spec: {
    type: string
    params: { type: string; value: string }[]
    effect: UpdateEffect
    marksClusterUpdating: boolean
  },
  now: number,
): UpdateRecord {
  const update: UpdateRecord = {
    id: generateUuid(),
    status: 'InProgress',
    type: spec.type,
    params: spec.params,
    createdAt: now,
    errors: [],
    effect: spec.effect,
  }
  cluster.updates.push(update)
  if (spec.marksClusterUpdating) cluster.status = 'UPDATING'
  return update
}
