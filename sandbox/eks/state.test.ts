import { describe, expect, it } from 'vitest'

import { buildScaleRoleArn, ROLE_ARNS, SSO_ROLE_NAME, USER_ARNS } from '../core/seed-constants'
import { seedIam } from '../iam/seed/seed-iam'
import type { ClusterRecord } from './records'
import {
  findAccessEntry,
  findCluster,
  listAssociatedPolicies,
  listClusters,
  seedEks,
  setClusterConnection,
  type EksState,
} from './state'

function requireCluster(eks: EksState, region: string, name: string): ClusterRecord {
  const cluster = findCluster(eks, region, name)
  if (!cluster) throw new Error(`seed has no ${region}/${name}`)
  return cluster
}

const policyNames = (arns: string[]): string[] => arns.map((a) => a.split('/').pop() ?? '').sort()

describe('seedEks', () => {
  it('seeds the four default clusters in their regions and modes', () => {
    const eks = seedEks({ scale: 'default' })
    expect(listClusters(eks).map((c) => [c.region, c.name, c.authenticationMode, c.status])).toEqual([
      ['us-west-2', 'prod-web', 'API_AND_CONFIG_MAP', 'ACTIVE'],
      ['us-west-2', 'ml-auto', 'API', 'ACTIVE'],
      ['us-west-2', 'legacy-batch', 'CONFIG_MAP', 'ACTIVE'],
      ['eu-west-1', 'eu-shop', 'API', 'ACTIVE'],
    ])
  })

  it('is deterministic: two seeds give the same ARNs', () => {
    expect(JSON.stringify(seedEks({ scale: 'default' }))).toBe(JSON.stringify(seedEks({ scale: 'default' })))
  })

  it('gives prod-web the admin, team and node entries the story needs', () => {
    const cluster = requireCluster(seedEks({ scale: 'default' }), 'us-west-2', 'prod-web')
    const policiesOf = (arn: string): string[] => {
      const entry = findAccessEntry(cluster, arn)
      return entry ? policyNames(listAssociatedPolicies(entry).map((p) => p.policyArn)) : []
    }
    expect(policiesOf(USER_ARNS.admin)).toEqual(['AmazonEKSClusterAdminPolicy'])
    expect(policiesOf(ROLE_ARNS.PlatformAdmin)).toEqual(['AmazonEKSClusterAdminPolicy'])
    expect(policiesOf(ROLE_ARNS[SSO_ROLE_NAME])).toEqual(['AmazonEKSAdminViewPolicy'])
    const teamA = findAccessEntry(cluster, ROLE_ARNS.TeamADeveloper)
    expect(teamA && listAssociatedPolicies(teamA)[0]?.accessScope).toEqual({
      type: 'namespace',
      namespaces: ['team-a'],
    })
    const grantsNothing = Object.values(cluster.accessEntries).filter(
      (e) => e.kubernetesGroups.length === 0 && Object.keys(e.policies).length === 0,
    )
    expect(grantsNothing.map((e) => e.principalArn)).toEqual([ROLE_ARNS.BreakGlassAdmin])
    expect(findAccessEntry(cluster, ROLE_ARNS.eksNodeRole)).toMatchObject({
      type: 'EC2_LINUX',
      kubernetesGroups: ['system:nodes'],
    })
    expect(Object.keys(cluster.addons)).toContain('eks-pod-identity-agent')
  })

  it('gives ml-auto the entries EKS creates for Auto Mode', () => {
    const cluster = requireCluster(seedEks({ scale: 'default' }), 'us-west-2', 'ml-auto')
    const clusterRole = findAccessEntry(cluster, ROLE_ARNS.AmazonEKSAutoClusterRole)
    expect(policyNames(Object.keys(clusterRole?.policies ?? {}))).toEqual([
      'AmazonEKSBlockStorageClusterPolicy',
      'AmazonEKSBlockStoragePolicy',
      'AmazonEKSComputeClusterPolicy',
      'AmazonEKSComputePolicy',
      'AmazonEKSLoadBalancingClusterPolicy',
      'AmazonEKSLoadBalancingPolicy',
      'AmazonEKSNetworkingClusterPolicy',
      'AmazonEKSNetworkingPolicy',
    ])
    expect(findAccessEntry(cluster, ROLE_ARNS.AmazonEKSAutoNodeRole)?.type).toBe('EC2')
    const slr = Object.values(cluster.accessEntries).find((e) => e.username === 'eks:managed')
    expect(slr?.principalArn).toMatch(/:role\/aws-service-role\/eks\.amazonaws\.com\/AWSServiceRoleForAmazonEKS$/)
    expect(Object.keys(cluster.nodegroups)).toEqual([])
    expect(Object.keys(cluster.addons)).toEqual([])
  })

  it('adds the scale cluster with exactly 1,000 entries of 1–3 policies at large scale, quickly', () => {
    const started = performance.now()
    const eks = seedEks({ scale: 'large' })
    expect(performance.now() - started).toBeLessThan(1000)
    const scale = requireCluster(eks, 'us-west-2', 'scale')
    const entries = Object.values(scale.accessEntries)
    expect(entries).toHaveLength(1000)
    expect(findAccessEntry(scale, buildScaleRoleArn(1))).toBeDefined()
    for (const e of entries) {
      const n = Object.keys(e.policies).length
      expect(n).toBeGreaterThanOrEqual(1)
      expect(n).toBeLessThanOrEqual(3)
    }
  })

  it('stores IAM unique ids with same-account entries when IAM is given', () => {
    const eks = seedEks({ scale: 'default', iam: seedIam({ scale: 'default' }) })
    const cluster = findCluster(eks, 'us-west-2', 'prod-web')
    expect(cluster && findAccessEntry(cluster, ROLE_ARNS.PlatformAdmin)?.principalId).toMatch(/^AROA/)
    expect(cluster && findAccessEntry(cluster, USER_ARNS.admin)?.principalId).toMatch(/^AIDA/)
  })
})

describe('setClusterConnection', () => {
  it('replaces the endpoint and CA placeholders', () => {
    const eks = seedEks({ scale: 'default' })
    setClusterConnection(eks, 'eu-west-1', 'eu-shop', {
      endpoint: 'https://127.0.0.1:7443',
      certificateAuthorityData: 'Q0E=',
    })
    expect(findCluster(eks, 'eu-west-1', 'eu-shop')).toMatchObject({
      endpoint: 'https://127.0.0.1:7443',
      certificateAuthorityData: 'Q0E=',
    })
    expect(() =>
      setClusterConnection(eks, 'us-west-2', 'eu-shop', { endpoint: '', certificateAuthorityData: '' }),
    ).toThrow()
  })
})
