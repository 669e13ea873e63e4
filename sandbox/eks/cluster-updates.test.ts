import { afterEach, describe, expect, it } from 'vitest'

import { purgeDeletedCluster, resolveUpdateDelayMs, settleClusterUpdates, startClusterUpdate } from './cluster-updates'
import { findCluster, seedEks } from './state'

function startModeUpdate(now: number) {
  const eks = seedEks({ scale: 'default' })
  const cluster = eks.clusters['us-west-2']?.['legacy-batch']
  if (!cluster) throw new Error('legacy-batch missing')
  const update = startClusterUpdate(
    cluster,
    {
      type: 'AccessConfigUpdate',
      params: [{ type: 'AuthenticationMode', value: 'API_AND_CONFIG_MAP' }],
      effect: { kind: 'authenticationMode', mode: 'API_AND_CONFIG_MAP' },
      marksClusterUpdating: true,
    },
    now,
  )
  return { eks, cluster, update }
}

afterEach(() => {
  delete process.env.SANDBOX_EKS_UPDATE_DELAY_MS
})

describe('settleClusterUpdates', () => {
  it.each([
    [0, false, 'InProgress', 'UPDATING', 'CONFIG_MAP'],
    [999, false, 'InProgress', 'UPDATING', 'CONFIG_MAP'],
    [1000, true, 'Successful', 'ACTIVE', 'API_AND_CONFIG_MAP'],
    [60_000, true, 'Successful', 'ACTIVE', 'API_AND_CONFIG_MAP'],
  ])(
    '%i ms after createdAt (delay 1000): changed=%s, %s, cluster %s, mode %s',
    (elapsed, changed, status, clusterStatus, mode) => {
      const { cluster, update } = startModeUpdate(1_000_000)
      expect(settleClusterUpdates(cluster, 1_000_000 + elapsed, 1000)).toBe(changed)
      expect(update.status).toBe(status)
      expect(cluster.status).toBe(clusterStatus)
      expect(cluster.authenticationMode).toBe(mode)
    },
  )

  it('is applied by findCluster, so readers outside the EKS API see the settled mode', () => {
    process.env.SANDBOX_EKS_UPDATE_DELAY_MS = '0'
    const { eks } = startModeUpdate(Date.now() - 1)
    expect(findCluster(eks, 'us-west-2', 'legacy-batch')?.authenticationMode).toBe('API_AND_CONFIG_MAP')
  })
})

describe('resolveUpdateDelayMs', () => {
  it.each([
    [undefined, { updateDelayMs: 2500 }, 2500],
    ['300', { updateDelayMs: 2500 }, 300],
    ['abc', { updateDelayMs: 700 }, 700],
    [undefined, undefined, 2500],
  ])('env %s, settings %j → %i', (env, settings, expected) => {
    if (env !== undefined) process.env.SANDBOX_EKS_UPDATE_DELAY_MS = env
    expect(resolveUpdateDelayMs(settings)).toBe(expected)
  })
})

describe('purgeDeletedCluster', () => {
  it.each([
    ['ACTIVE', undefined, 60_000, false],
    ['DELETING', 1_000_000, 999, false],
    ['DELETING', 1_000_000, 1000, true],
    // A DELETING cluster saved without a start time (older state) goes on the first read.
    ['DELETING', undefined, 0, true],
  ] as const)('a %s cluster (since %s), %i ms later with delay 1000: removed=%s', (status, since, elapsed, removed) => {
    const eks = seedEks({ scale: 'default' })
    const cluster = eks.clusters['us-west-2']?.['prod-web']
    if (!cluster) throw new Error('prod-web missing')
    Object.assign(cluster, { status, deletingSince: since })
    expect(purgeDeletedCluster(eks.clusters, cluster, 1_000_000 + elapsed, 1000)).toBe(removed)
    expect(eks.clusters['us-west-2']?.['prod-web'] === undefined).toBe(removed)
  })

  it('lets a node group or add-on DELETING since its modifiedAt go once the delay has passed', () => {
    const eks = seedEks({ scale: 'default' })
    const cluster = eks.clusters['us-west-2']?.['prod-web']
    const [name, nodegroup] = Object.entries(cluster?.nodegroups ?? {})[0] ?? []
    if (!cluster || !name || !nodegroup) throw new Error('prod-web has no node group')
    Object.assign(nodegroup, { status: 'DELETING', modifiedAt: 1_000_000 })
    expect(settleClusterUpdates(cluster, 1_000_999, 1000)).toBe(false)
    expect(cluster.nodegroups[name]?.status).toBe('DELETING')
    expect(settleClusterUpdates(cluster, 1_001_000, 1000)).toBe(true)
    expect(cluster.nodegroups[name]).toBeUndefined()
  })
})
