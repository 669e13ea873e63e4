import {
  DescribeAddonCommand,
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  EKSClient,
  ListAddonsCommand,
  ListClustersCommand,
  ListNodegroupsCommand,
} from '@aws-sdk/client-eks'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/env', () => ({
  env: { awsRegion: 'us-west-2', consoleRegions: ['us-west-2', 'eu-west-1'], awsEndpointUrl: 'http://127.0.0.1:4566' },
}))
const { clusterExists, listClustersAcrossRegions } = await import('./eks-clusters')
const { describeClusterOverview } = await import('@/lib/clusters/server/cluster-overview')

const eks = mockClient(EKSClient)
const created = new Date('2025-03-01T12:00:00Z')

beforeEach(() => eks.reset())

describe('listClustersAcrossRegions', () => {
  it('follows nextToken and describes every cluster', async () => {
    eks
      .on(ListClustersCommand, { nextToken: undefined })
      .resolves({ clusters: ['prod-web'], nextToken: 'page-2' })
      .on(ListClustersCommand, { nextToken: 'page-2' })
      .resolves({ clusters: ['legacy-batch'] })
    eks.on(DescribeClusterCommand).callsFake(({ name }: { name: string }) => ({
      cluster: {
        name,
        status: 'ACTIVE',
        version: '1.33',
        createdAt: created,
        accessConfig: name === 'prod-web' ? { authenticationMode: 'API_AND_CONFIG_MAP' } : undefined,
      },
    }))
    const inventory = await listClustersAcrossRegions(['us-west-2'])
    expect(inventory.clusters.map((c) => [c.name, c.authenticationMode, c.createdAt])).toEqual([
      ['legacy-batch', 'CONFIG_MAP', '2025-03-01T12:00:00.000Z'],
      ['prod-web', 'API_AND_CONFIG_MAP', '2025-03-01T12:00:00.000Z'],
    ])
    expect(inventory.regions).toEqual([{ region: 'us-west-2', ok: true, clusterCount: 2 }])
  })

  it('reports a failing region without hiding the others', async () => {
    eks.on(ListClustersCommand).callsFake(async (_input, getClient) => {
      const region = await (getClient() as EKSClient).config.region()
      if (region === 'eu-west-1') {
        throw Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } })
      }
      return { clusters: ['ml-auto'] }
    })
    eks.on(DescribeClusterCommand).resolves({ cluster: { name: 'ml-auto', computeConfig: { enabled: true } } })
    const inventory = await listClustersAcrossRegions()
    expect(inventory.clusters).toHaveLength(1)
    expect(inventory.clusters[0]).toMatchObject({ name: 'ml-auto', region: 'us-west-2', autoMode: true })
    expect(inventory.regions[1]).toMatchObject({ region: 'eu-west-1', ok: false, error: { code: 'aws_access_denied' } })
  })
})

describe('describeClusterOverview', () => {
  it('combines the cluster, its node groups and add-ons, flagging the Pod Identity agent', async () => {
    eks.on(DescribeClusterCommand).resolves({
      cluster: {
        name: 'prod-web',
        endpoint: 'https://ABC.gr7.us-west-2.eks.amazonaws.com',
        identity: { oidc: { issuer: 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC' } },
        tags: { team: 'platform' },
      },
    })
    eks.on(ListNodegroupsCommand).resolves({ nodegroups: ['general'] })
    eks.on(DescribeNodegroupCommand).resolves({
      nodegroup: {
        nodegroupName: 'general',
        status: 'ACTIVE',
        scalingConfig: { desiredSize: 3, minSize: 1, maxSize: 6 },
      },
    })
    eks.on(ListAddonsCommand).resolves({ addons: ['vpc-cni', 'eks-pod-identity-agent'] })
    eks.on(DescribeAddonCommand).callsFake(({ addonName }: { addonName: string }) => ({
      addon: { addonName, status: 'ACTIVE', addonVersion: 'v1.0.0-eksbuild.1' },
    }))
    const overview = await describeClusterOverview('us-west-2', 'prod-web')
    expect(overview.oidcIssuer).toBe('https://oidc.eks.us-west-2.amazonaws.com/id/ABC')
    expect(overview.nodegroups[0]).toMatchObject({ name: 'general', desiredSize: 3, maxSize: 6 })
    expect(overview.addons.map((a) => [a.name, a.isPodIdentityAgent])).toEqual([
      ['vpc-cni', false],
      ['eks-pod-identity-agent', true],
    ])
    expect(overview.podIdentityAgent).toBe('addon')
    expect(overview.tags).toEqual({ team: 'platform' })
  })

  it.each([
    { autoMode: true, agent: 'built-in' },
    { autoMode: false, agent: 'missing' },
  ])('without the add-on the agent is $agent when autoMode=$autoMode', async ({ autoMode, agent }) => {
    eks.on(DescribeClusterCommand).resolves({ cluster: { name: 'c', computeConfig: { enabled: autoMode } } })
    eks.on(ListNodegroupsCommand).resolves({ nodegroups: [] })
    eks.on(ListAddonsCommand).resolves({ addons: [] })
    expect((await describeClusterOverview('us-west-2', 'c')).podIdentityAgent).toBe(agent)
  })

  it('answers an unknown cluster with a not_found ConsoleError naming it', async () => {
    eks.on(DescribeClusterCommand).rejects(
      Object.assign(new Error('No cluster found for name: nope.'), {
        name: 'ResourceNotFoundException',
        $metadata: { httpStatusCode: 404 },
      }),
    )
    await expect(describeClusterOverview('us-west-2', 'nope')).rejects.toMatchObject({
      code: 'not_found',
      message: 'No cluster named nope in us-west-2.',
    })
    expect(eks.commandCalls(ListNodegroupsCommand)).toHaveLength(0)
  })
})

describe('clusterExists', () => {
  const notFound = Object.assign(new Error('No cluster found for name: nope.'), {
    name: 'ResourceNotFoundException',
    $metadata: { httpStatusCode: 404 },
  })

  it('is false for an unconfigured region without asking AWS, and for a cluster EKS does not know', async () => {
    eks.on(DescribeClusterCommand).rejects(notFound)
    expect(await clusterExists('ap-south-1', 'prod-web')).toBe(false)
    expect(eks.commandCalls(DescribeClusterCommand)).toHaveLength(0)
    expect(await clusterExists('us-west-2', 'nope')).toBe(false)
  })

  it('is true for a cluster EKS describes, remembered for a minute, and true when AWS cannot say', async () => {
    eks.on(DescribeClusterCommand).resolves({ cluster: { name: 'seen' } })
    expect(await clusterExists('eu-west-1', 'seen')).toBe(true)
    expect(await clusterExists('eu-west-1', 'seen')).toBe(true)
    expect(eks.commandCalls(DescribeClusterCommand)).toHaveLength(1)
    eks
      .on(DescribeClusterCommand)
      .rejects(
        Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } }),
      )
    expect(await clusterExists('eu-west-1', 'throttled')).toBe(true)
  })

  it('takes a cluster the inventory has just described to exist, without asking EKS again', async () => {
    eks.on(ListClustersCommand).resolves({ clusters: ['listed'] })
    eks.on(DescribeClusterCommand).resolves({ cluster: { name: 'listed', status: 'ACTIVE' } })
    await listClustersAcrossRegions(['us-west-2'])
    expect(eks.commandCalls(DescribeClusterCommand)).toHaveLength(1)
    expect(await clusterExists('us-west-2', 'listed')).toBe(true)
    expect(eks.commandCalls(DescribeClusterCommand)).toHaveLength(1)
    // Another region's cluster of that name was not described: it is asked about.
    expect(await clusterExists('eu-west-1', 'listed')).toBe(true)
    expect(eks.commandCalls(DescribeClusterCommand)).toHaveLength(2)
  })
})
