import {
  DescribeAddonCommand,
  DescribeClusterCommand,
  DescribeFargateProfileCommand,
  DescribeNodegroupCommand,
  DescribeUpdateCommand,
  ListAddonsCommand,
  ListClustersCommand,
  ListFargateProfilesCommand,
  ListNodegroupsCommand,
  ListUpdatesCommand,
  paginateListClusters,
  UpdateClusterConfigCommand,
} from '@aws-sdk/client-eks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CLUSTER_ML_AUTO, CLUSTER_PROD_WEB, ROLE_ARNS } from '@/sandbox/core/seed-constants'

import { catchError, startEksTestServer, type EksTestServer } from './sandbox-eks-harness'

let sandbox: EksTestServer

beforeAll(async () => {
  process.env.SANDBOX_EKS_UPDATE_DELAY_MS = '400'
  sandbox = await startEksTestServer()
})
afterAll(async () => {
  delete process.env.SANDBOX_EKS_UPDATE_DELAY_MS
  await sandbox.close()
})

describe('clusters', () => {
  it('lists the clusters of the signing region only', async () => {
    const west = await sandbox.client('us-west-2').send(new ListClustersCommand({}))
    expect(west.clusters).toEqual(['legacy-batch', 'ml-auto', 'prod-web'])
    const eu = await sandbox.client('eu-west-1').send(new ListClustersCommand({ include: ['all'] }))
    expect(eu.clusters).toEqual(['eu-shop'])
  })

  it('pages ListClusters with the SDK paginator', async () => {
    const pages: string[][] = []
    for await (const page of paginateListClusters({ client: sandbox.client(), pageSize: 2 }, {})) {
      pages.push(page.clusters ?? [])
    }
    expect(pages).toEqual([['legacy-batch', 'ml-auto'], ['prod-web']])
  })

  it.each([0, 101])('rejects maxResults=%i', async (maxResults) => {
    const err = await catchError(() => sandbox.client().send(new ListClustersCommand({ maxResults })))
    expect(err.name).toBe('InvalidParameterException')
    expect(err.$metadata?.httpStatusCode).toBe(400)
  })

  it('rejects a garbage nextToken', async () => {
    const err = await catchError(() => sandbox.client().send(new ListClustersCommand({ nextToken: 'not-a-token' })))
    expect(err.name).toBe('InvalidParameterException')
  })

  it('describes a cluster with epoch timestamps, OIDC issuer and access config', async () => {
    const { cluster } = await sandbox.client().send(new DescribeClusterCommand({ name: 'prod-web' }))
    expect(cluster?.createdAt).toBeInstanceOf(Date)
    expect(cluster?.createdAt?.toISOString()).toBe('2024-03-12T09:41:07.512Z')
    expect(cluster?.arn).toBe('arn:aws:eks:us-west-2:111122223333:cluster/prod-web')
    expect(cluster?.status).toBe('ACTIVE')
    expect(cluster?.accessConfig?.authenticationMode).toBe('API_AND_CONFIG_MAP')
    expect(cluster?.identity?.oidc?.issuer).toBe(
      `https://oidc.eks.us-west-2.amazonaws.com/id/${CLUSTER_PROD_WEB.oidcIssuerId}`,
    )
    expect(cluster?.endpoint).toMatch(/^https:\/\//)
    expect(Buffer.from(cluster?.certificateAuthority?.data ?? '', 'base64').toString()).toContain('BEGIN CERTIFICATE')
    expect(cluster?.version).toMatch(/^1\.3[1-4]$/)
  })

  it('describes the Auto Mode cluster with compute, storage and load balancing enabled', async () => {
    const { cluster } = await sandbox.client().send(new DescribeClusterCommand({ name: CLUSTER_ML_AUTO.name }))
    expect(cluster?.computeConfig).toEqual({
      enabled: true,
      nodePools: ['general-purpose', 'system'],
      nodeRoleArn: ROLE_ARNS.AmazonEKSAutoNodeRole,
    })
    expect(cluster?.storageConfig?.blockStorage?.enabled).toBe(true)
    expect(cluster?.kubernetesNetworkConfig?.elasticLoadBalancing?.enabled).toBe(true)
    expect(cluster?.accessConfig?.authenticationMode).toBe('API')
  })

  it('answers a missing cluster with ResourceNotFoundException and clusterName', async () => {
    const err = await catchError(() => sandbox.client().send(new DescribeClusterCommand({ name: 'nope' })))
    expect(err.name).toBe('ResourceNotFoundException')
    expect(err.message).toBe('No cluster found for name: nope.')
    expect(err.clusterName).toBe('nope')
    expect(err.$metadata?.httpStatusCode).toBe(404)
  })

  it('keeps clusters per region: eu-shop is not visible from us-west-2', async () => {
    const err = await catchError(() =>
      sandbox.client('us-west-2').send(new DescribeClusterCommand({ name: 'eu-shop' })),
    )
    expect(err.name).toBe('ResourceNotFoundException')
  })
})

describe('node groups and add-ons', () => {
  it('lists and describes managed node groups', async () => {
    const { nodegroups } = await sandbox.client().send(new ListNodegroupsCommand({ clusterName: 'prod-web' }))
    expect(nodegroups).toEqual(['general', 'spot-batch'])
    const { nodegroup } = await sandbox
      .client()
      .send(new DescribeNodegroupCommand({ clusterName: 'prod-web', nodegroupName: 'spot-batch' }))
    expect(nodegroup?.capacityType).toBe('SPOT')
    expect(nodegroup?.nodeRole).toBe(ROLE_ARNS.eksNodeRole)
    expect(nodegroup?.createdAt).toBeInstanceOf(Date)
    const auto = await sandbox.client().send(new ListNodegroupsCommand({ clusterName: 'ml-auto' }))
    expect(auto.nodegroups).toEqual([])
  })

  it('answers a missing node group with ResourceNotFoundException', async () => {
    const err = await catchError(() =>
      sandbox.client().send(new DescribeNodegroupCommand({ clusterName: 'prod-web', nodegroupName: 'gpu' })),
    )
    expect(err.name).toBe('ResourceNotFoundException')
    expect(err.nodegroupName).toBe('gpu')
  })

  it('lists and describes Fargate profiles, and answers a missing one with ResourceNotFoundException', async () => {
    const eu = sandbox.client('eu-west-1')
    const { fargateProfileNames } = await eu.send(new ListFargateProfilesCommand({ clusterName: 'eu-shop' }))
    expect(fargateProfileNames).toEqual(['fp-checkout'])
    const { fargateProfile } = await eu.send(
      new DescribeFargateProfileCommand({ clusterName: 'eu-shop', fargateProfileName: 'fp-checkout' }),
    )
    expect(fargateProfile).toMatchObject({
      fargateProfileName: 'fp-checkout',
      clusterName: 'eu-shop',
      podExecutionRoleArn: ROLE_ARNS.AmazonEKSFargatePodExecutionRole,
      selectors: [{ namespace: 'checkout-jobs' }],
      status: 'ACTIVE',
    })
    expect(fargateProfile?.fargateProfileArn).toMatch(
      /^arn:aws:eks:eu-west-1:111122223333:fargateprofile\/eu-shop\/fp-checkout\//,
    )
    expect(fargateProfile?.createdAt).toBeInstanceOf(Date)
    const web = await sandbox.client().send(new ListFargateProfilesCommand({ clusterName: 'prod-web' }))
    expect(web.fargateProfileNames).toEqual([])
    const err = await catchError(() =>
      eu.send(new DescribeFargateProfileCommand({ clusterName: 'eu-shop', fargateProfileName: 'fp-none' })),
    )
    expect(err.name).toBe('ResourceNotFoundException')
    expect(err.fargateProfileName).toBe('fp-none')
  })

  it('lists add-ons, with the Pod Identity agent on prod-web but not on the Auto Mode cluster', async () => {
    const web = await sandbox.client().send(new ListAddonsCommand({ clusterName: 'prod-web' }))
    expect(web.addons).toEqual(['coredns', 'eks-pod-identity-agent', 'kube-proxy', 'vpc-cni'])
    const auto = await sandbox.client().send(new ListAddonsCommand({ clusterName: 'ml-auto' }))
    expect(auto.addons).toEqual([])
    const { addon } = await sandbox
      .client()
      .send(new DescribeAddonCommand({ clusterName: 'prod-web', addonName: 'eks-pod-identity-agent' }))
    expect(addon?.status).toBe('ACTIVE')
    expect(addon?.addonArn).toMatch(/^arn:aws:eks:us-west-2:111122223333:addon\/prod-web\/eks-pod-identity-agent\//)
    const err = await catchError(() =>
      sandbox.client().send(new DescribeAddonCommand({ clusterName: 'ml-auto', addonName: 'eks-pod-identity-agent' })),
    )
    expect(err.name).toBe('ResourceNotFoundException')
  })
})

describe('authentication mode updates', () => {
  it.each([
    ['legacy-batch', 'API', 'Unsupported authentication mode update from CONFIG_MAP to API'],
    [
      'prod-web',
      'API_AND_CONFIG_MAP',
      'Unsupported authentication mode update from API_AND_CONFIG_MAP to API_AND_CONFIG_MAP',
    ],
    ['ml-auto', 'CONFIG_MAP', 'Unsupported authentication mode update from API to CONFIG_MAP'],
  ] as const)('rejects %s → %s', async (name, mode, message) => {
    const err = await catchError(() =>
      sandbox.client().send(new UpdateClusterConfigCommand({ name, accessConfig: { authenticationMode: mode } })),
    )
    expect(err.name).toBe('InvalidParameterException')
    expect(err.message).toBe(message)
  })

  it('moves CONFIG_MAP → API_AND_CONFIG_MAP through an update that settles after the delay', async () => {
    const client = sandbox.client()
    const { update } = await client.send(
      new UpdateClusterConfigCommand({
        name: 'legacy-batch',
        accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' },
      }),
    )
    expect(update).toMatchObject({
      status: 'InProgress',
      type: 'AccessConfigUpdate',
      params: [{ type: 'AuthenticationMode', value: 'API_AND_CONFIG_MAP' }],
      errors: [],
    })
    expect(update?.createdAt).toBeInstanceOf(Date)
    const during = await client.send(new DescribeClusterCommand({ name: 'legacy-batch' }))
    expect(during.cluster?.status).toBe('UPDATING')
    expect(during.cluster?.accessConfig?.authenticationMode).toBe('CONFIG_MAP')
    const busy = await catchError(() =>
      client.send(
        new UpdateClusterConfigCommand({ name: 'legacy-batch', accessConfig: { authenticationMode: 'API' } }),
      ),
    )
    expect(busy.name).toBe('ResourceInUseException')

    await new Promise((resolve) => setTimeout(resolve, 500))
    const done = await client.send(new DescribeUpdateCommand({ name: 'legacy-batch', updateId: update?.id ?? '' }))
    expect(done.update?.status).toBe('Successful')
    const after = await client.send(new DescribeClusterCommand({ name: 'legacy-batch' }))
    expect(after.cluster?.status).toBe('ACTIVE')
    expect(after.cluster?.accessConfig?.authenticationMode).toBe('API_AND_CONFIG_MAP')
    const { updateIds } = await client.send(new ListUpdatesCommand({ name: 'legacy-batch' }))
    expect(updateIds).toEqual([update?.id])
  })

  it('replays an UpdateClusterConfig with the same clientRequestToken', async () => {
    const client = sandbox.client()
    const input = {
      name: 'prod-web',
      accessConfig: { authenticationMode: 'API' as const },
      clientRequestToken: 'same-token-1',
    }
    const first = await client.send(new UpdateClusterConfigCommand(input))
    const second = await client.send(new UpdateClusterConfigCommand(input))
    expect(second.update?.id).toBe(first.update?.id)
  })

  it('answers an unknown update id with ResourceNotFoundException', async () => {
    const err = await catchError(() =>
      sandbox
        .client()
        .send(new DescribeUpdateCommand({ name: 'prod-web', updateId: 'd2cb8183-0000-0000-0000-000000000000' })),
    )
    expect(err.name).toBe('ResourceNotFoundException')
  })
})
