import {
  AssociateIdentityProviderConfigCommand,
  CreatePodIdentityAssociationCommand,
  DeletePodIdentityAssociationCommand,
  DescribeAccessEntryCommand,
  DescribeIdentityProviderConfigCommand,
  DescribePodIdentityAssociationCommand,
  DisassociateIdentityProviderConfigCommand,
  ListIdentityProviderConfigsCommand,
  ListPodIdentityAssociationsCommand,
  ListTagsForResourceCommand,
  paginateListPodIdentityAssociations,
  TagResourceCommand,
  UntagResourceCommand,
  UpdatePodIdentityAssociationCommand,
} from '@aws-sdk/client-eks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  CROSS_ACCOUNT_TARGET_ROLE_ARN,
  OTHER_ACCOUNT_ID,
  ROLE_ARNS,
  SSO_ROLE_NAME,
} from '@/sandbox/core/seed-constants'

import { catchError, startEksTestServer, type EksTestServer } from './sandbox-eks-harness'

let sandbox: EksTestServer

beforeAll(async () => {
  process.env.SANDBOX_EKS_UPDATE_DELAY_MS = '300'
  sandbox = await startEksTestServer()
})
afterAll(async () => {
  delete process.env.SANDBOX_EKS_UPDATE_DELAY_MS
  await sandbox.close()
})

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('Pod Identity associations', () => {
  let createdId = ''

  it('lists the seeded associations as summaries without roleArn', async () => {
    const { associations } = await sandbox
      .client()
      .send(new ListPodIdentityAssociationsCommand({ clusterName: 'prod-web' }))
    expect(associations?.map((a) => `${a.namespace}/${a.serviceAccount}`).sort()).toEqual([
      'analytics/partner-sync',
      'orders/orders-api',
      'reports/reports-job',
    ])
    for (const a of associations ?? []) {
      expect(a).not.toHaveProperty('roleArn')
      expect(a.associationId).toMatch(/^a-[a-z0-9]{17}$/)
    }
  })

  it('filters by namespace and service account', async () => {
    const { associations } = await sandbox.client().send(
      new ListPodIdentityAssociationsCommand({
        clusterName: 'prod-web',
        namespace: 'orders',
        serviceAccount: 'orders-api',
      }),
    )
    expect(associations).toHaveLength(1)
    const described = await sandbox.client().send(
      new DescribePodIdentityAssociationCommand({
        clusterName: 'prod-web',
        associationId: associations?.[0]?.associationId,
      }),
    )
    expect(described.association?.roleArn).toBe(ROLE_ARNS['orders-s3-reader'])
    expect(described.association?.createdAt).toBeInstanceOf(Date)
  })

  it('creates an association with a cross-account target role', async () => {
    const { association } = await sandbox.client().send(
      new CreatePodIdentityAssociationCommand({
        clusterName: 'prod-web',
        namespace: 'billing',
        serviceAccount: 'billing-api',
        roleArn: ROLE_ARNS['orders-s3-reader'],
        targetRoleArn: CROSS_ACCOUNT_TARGET_ROLE_ARN,
        tags: { team: 'billing' },
      }),
    )
    createdId = association?.associationId ?? ''
    expect(createdId).toMatch(/^a-[a-z0-9]{17}$/)
    expect(association?.associationArn).toBe(
      `arn:aws:eks:us-west-2:111122223333:podidentityassociation/prod-web/${createdId}`,
    )
    expect(association?.targetRoleArn).toBe(CROSS_ACCOUNT_TARGET_ROLE_ARN)
    expect(association?.externalId).toBeTruthy()
    expect(association?.disableSessionTags).toBe(false)
  })

  it.each([
    [
      'a duplicate namespace/service account',
      'orders',
      'orders-api',
      ROLE_ARNS['reports-writer'],
      'ResourceInUseException',
    ],
    ['a role of another account', 'x', 'y', `arn:aws:iam::${OTHER_ACCOUNT_ID}:role/r`, 'InvalidParameterException'],
    ['a role that does not exist', 'x', 'y', 'arn:aws:iam::111122223333:role/ghost', 'InvalidParameterException'],
  ])('rejects %s', async (_case, namespace, serviceAccount, roleArn, name) => {
    const err = await catchError(() =>
      sandbox
        .client()
        .send(new CreatePodIdentityAssociationCommand({ clusterName: 'prod-web', namespace, serviceAccount, roleArn })),
    )
    expect(err.name).toBe(name)
  })

  it('updates the role, and rejects an update that changes nothing', async () => {
    const ref = { clusterName: 'prod-web', associationId: createdId }
    const { association } = await sandbox
      .client()
      .send(new UpdatePodIdentityAssociationCommand({ ...ref, roleArn: ROLE_ARNS['reports-writer'] }))
    expect(association?.roleArn).toBe(ROLE_ARNS['reports-writer'])
    const err = await catchError(() =>
      sandbox.client().send(new UpdatePodIdentityAssociationCommand({ ...ref, roleArn: ROLE_ARNS['reports-writer'] })),
    )
    expect(err.name).toBe('InvalidParameterException')
  })

  it('pages with the SDK paginator', async () => {
    const ids: string[] = []
    for await (const page of paginateListPodIdentityAssociations(
      { client: sandbox.client(), pageSize: 1 },
      { clusterName: 'prod-web' },
    )) {
      expect((page.associations ?? []).length).toBeLessThanOrEqual(1)
      ids.push(...(page.associations ?? []).map((a) => a.associationId ?? ''))
    }
    expect(new Set(ids).size).toBe(4)
  })

  it('persists a created association across a restart', async () => {
    await sandbox.restart()
    const { association } = await sandbox
      .client()
      .send(new DescribePodIdentityAssociationCommand({ clusterName: 'prod-web', associationId: createdId }))
    expect(association?.namespace).toBe('billing')
  })

  it('deletes an association and returns the deleted object', async () => {
    const ref = { clusterName: 'prod-web', associationId: createdId }
    const { association } = await sandbox.client().send(new DeletePodIdentityAssociationCommand(ref))
    expect(association).toMatchObject({ associationId: createdId, roleArn: ROLE_ARNS['reports-writer'] })
    const err = await catchError(() => sandbox.client().send(new DescribePodIdentityAssociationCommand(ref)))
    expect(err.name).toBe('ResourceNotFoundException')
  })
})

describe('OIDC identity provider configs', () => {
  const oidc = {
    identityProviderConfigName: 'corp-okta',
    issuerUrl: 'https://corp.okta.example/oauth2/default',
    clientId: 'eks',
  }

  it('associates through an update whose param is a JSON string, CREATING then ACTIVE', async () => {
    const client = sandbox.client()
    const { update, tags } = await client.send(
      new AssociateIdentityProviderConfigCommand({
        clusterName: 'prod-web',
        oidc: { ...oidc, groupsPrefix: 'oidc:' },
        tags: { a: 'b' },
      }),
    )
    expect(update).toMatchObject({
      status: 'InProgress',
      type: 'AssociateIdentityProviderConfig',
      params: [{ type: 'IdentityProviderConfig', value: '[{"type":"oidc","name":"corp-okta"}]' }],
    })
    expect(tags).toEqual({ a: 'b' })
    const ref = { clusterName: 'prod-web', identityProviderConfig: { type: 'oidc', name: 'corp-okta' } }
    const creating = await client.send(new DescribeIdentityProviderConfigCommand(ref))
    expect(creating.identityProviderConfig?.oidc?.status).toBe('CREATING')
    await sleep(400)
    const active = await client.send(new DescribeIdentityProviderConfigCommand(ref))
    expect(active.identityProviderConfig?.oidc).toMatchObject({
      status: 'ACTIVE',
      issuerUrl: oidc.issuerUrl,
      groupsPrefix: 'oidc:',
      clusterName: 'prod-web',
    })
    expect(active.identityProviderConfig?.oidc?.identityProviderConfigArn).toMatch(
      /^arn:aws:eks:us-west-2:111122223333:identityproviderconfig\/prod-web\/oidc\/corp-okta\//,
    )
    const { identityProviderConfigs } = await client.send(
      new ListIdentityProviderConfigsCommand({ clusterName: 'prod-web' }),
    )
    expect(identityProviderConfigs).toEqual([{ type: 'oidc', name: 'corp-okta' }])
  })

  it.each([
    ['the same issuer under another name', { ...oidc, identityProviderConfigName: 'other' }, 'InvalidRequestException'],
    ['the same name again', oidc, 'ResourceInUseException'],
    [
      'an http issuer',
      { ...oidc, identityProviderConfigName: 'x', issuerUrl: 'http://idp.example' },
      'InvalidParameterException',
    ],
    [
      'a system: prefix',
      { ...oidc, identityProviderConfigName: 'x', usernamePrefix: 'system:' },
      'InvalidParameterException',
    ],
  ])('rejects %s', async (_case, request, name) => {
    const err = await catchError(() =>
      sandbox.client().send(new AssociateIdentityProviderConfigCommand({ clusterName: 'prod-web', oidc: request })),
    )
    expect(err.name).toBe(name)
  })

  it('takes one provider before Kubernetes 1.32 (legacy-batch is 1.31)', async () => {
    const client = sandbox.client()
    await client.send(new AssociateIdentityProviderConfigCommand({ clusterName: 'legacy-batch', oidc }))
    await sleep(400)
    const second = { ...oidc, identityProviderConfigName: 'second', issuerUrl: 'https://second.example' }
    const err = await catchError(() =>
      client.send(new AssociateIdentityProviderConfigCommand({ clusterName: 'legacy-batch', oidc: second })),
    )
    expect(err.name).toBe('InvalidRequestException')
    expect(err.message).toContain('Kubernetes 1.31')
  })

  it('refuses a second association while one is in progress', async () => {
    const client = sandbox.client()
    const one = { ...oidc, identityProviderConfigName: 'one', issuerUrl: 'https://one.example' }
    const two = { ...oidc, identityProviderConfigName: 'two', issuerUrl: 'https://two.example' }
    await client.send(new AssociateIdentityProviderConfigCommand({ clusterName: 'prod-web', oidc: one }))
    const err = await catchError(() =>
      client.send(new AssociateIdentityProviderConfigCommand({ clusterName: 'prod-web', oidc: two })),
    )
    expect(err.name).toBe('ResourceInUseException')
    await sleep(400)
    await client.send(new AssociateIdentityProviderConfigCommand({ clusterName: 'prod-web', oidc: two }))
    await sleep(400)
  })

  it('disassociates: DELETING, then gone', async () => {
    const client = sandbox.client()
    const ref = { clusterName: 'prod-web', identityProviderConfig: { type: 'oidc', name: 'corp-okta' } }
    const { update } = await client.send(new DisassociateIdentityProviderConfigCommand(ref))
    expect(update?.type).toBe('DisassociateIdentityProviderConfig')
    const deleting = await client.send(new DescribeIdentityProviderConfigCommand(ref))
    expect(deleting.identityProviderConfig?.oidc?.status).toBe('DELETING')
    await sleep(400)
    const err = await catchError(() => client.send(new DescribeIdentityProviderConfigCommand(ref)))
    expect(err.name).toBe('ResourceNotFoundException')
  })
})

describe('tags', () => {
  it('tags, lists and untags a cluster', async () => {
    const client = sandbox.client('eu-west-1')
    const resourceArn = 'arn:aws:eks:eu-west-1:111122223333:cluster/eu-shop'
    await client.send(new TagResourceCommand({ resourceArn, tags: { owner: 'shop-team' } }))
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toMatchObject({
      owner: 'shop-team',
    })
    await client.send(new UntagResourceCommand({ resourceArn, tagKeys: ['owner', 'team'] }))
    const { tags } = await client.send(new ListTagsForResourceCommand({ resourceArn }))
    expect(tags).not.toHaveProperty('owner')
    expect(tags).not.toHaveProperty('team')
    expect(tags).toHaveProperty('environment', 'production')
  })

  it('tags an access entry by its ARN (slashes inside one URI segment)', async () => {
    const client = sandbox.client()
    const { accessEntry } = await client.send(
      new DescribeAccessEntryCommand({ clusterName: 'prod-web', principalArn: ROLE_ARNS[SSO_ROLE_NAME] }),
    )
    const resourceArn = accessEntry?.accessEntryArn ?? ''
    await client.send(new TagResourceCommand({ resourceArn, tags: { reviewed: '2026-11' } }))
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual({ reviewed: '2026-11' })
    const after = await client.send(
      new DescribeAccessEntryCommand({ clusterName: 'prod-web', principalArn: ROLE_ARNS[SSO_ROLE_NAME] }),
    )
    expect(after.accessEntry?.tags).toEqual({ reviewed: '2026-11' })
  })

  it.each([
    ['an unknown resource', 'arn:aws:eks:us-west-2:111122223333:cluster/nope', { a: 'b' }, 'NotFoundException'],
    ['another region', 'arn:aws:eks:eu-west-1:111122223333:cluster/eu-shop', { a: 'b' }, 'NotFoundException'],
    [
      'a reserved aws: key',
      'arn:aws:eks:us-west-2:111122223333:cluster/prod-web',
      { 'aws:x': 'b' },
      'BadRequestException',
    ],
    ['a non-EKS ARN', 'arn:aws:iam::111122223333:role/PlatformAdmin', { a: 'b' }, 'BadRequestException'],
  ])('rejects %s', async (_case, resourceArn, tags, name) => {
    const err = await catchError(() => sandbox.client().send(new TagResourceCommand({ resourceArn, tags })))
    expect(err.name).toBe(name)
  })
})
