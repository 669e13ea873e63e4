import { DescribePodIdentityAssociationCommand, EKSClient } from '@aws-sdk/client-eks'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { callRoute, getConsoleSession, roleArn, sessionFor, setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

// The association's inline session policy (docs/pod-identity.md#session-policy) through the console's routes, checked with the real EKS SDK
// against the sandbox, which enforces EKS's rule that a policy needs disableSessionTags=true.
const base = '@/app/api/clusters/[region]/[cluster]'
const sandbox = setUpConsoleAccessSandbox({ role: 'editor' })
let eks: EKSClient
let audit: typeof import('@/app/api/audit/route')
let pias: typeof import('@/app/api/clusters/[region]/[cluster]/pod-identity-associations/route')
let pia: typeof import('@/app/api/clusters/[region]/[cluster]/pod-identity-associations/[associationId]/route')
let sa: typeof import('@/app/api/clusters/[region]/[cluster]/service-accounts/[namespace]/[name]/route')

const ml = { region: 'us-west-2', cluster: 'ml-auto' }
const READ_ONLY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::features/*' }],
}
const describeInEks = async (associationId: string) =>
  (await eks.send(new DescribePodIdentityAssociationCommand({ clusterName: ml.cluster, associationId }))).association

beforeAll(async () => {
  eks = new EKSClient({ ...sandbox().admin, region: ml.region })
  audit = await import('@/app/api/audit/route')
  pias = await import(`${base}/pod-identity-associations/route`)
  pia = await import(`${base}/pod-identity-associations/[associationId]/route`)
  sa = await import(`${base}/service-accounts/[namespace]/[name]/route`)
}, 60_000)

describe('the session policy of a Pod Identity association', () => {
  it('is created compacted, shown on the service account, audited, then removed by a blank policy on edit', async () => {
    const created = await callRoute(pias.POST, ml, {
      method: 'POST',
      body: {
        namespace: 'ml-training',
        serviceAccount: 'feature-reader',
        roleArn: roleArn('orders-s3-reader'),
        disableSessionTags: true,
        policy: JSON.stringify(READ_ONLY, null, 2),
        createServiceAccount: true,
      },
    })
    expect(created.status).toBe(201)
    const id = created.body.association.associationId
    expect(created.body.association.policy).toBe(JSON.stringify(READ_ONLY))
    expect((await describeInEks(id))?.policy).toBe(JSON.stringify(READ_ONLY))

    const detail = await callRoute(sa.GET, { ...ml, namespace: 'ml-training', name: 'feature-reader' })
    expect(detail.body.mapping.podIdentity).toMatchObject({
      disableSessionTags: true,
      policy: JSON.stringify(READ_ONLY),
    })

    const params = { ...ml, associationId: id }
    const removed = await callRoute(pia.PATCH, params, {
      method: 'PATCH',
      body: { roleArn: roleArn('orders-s3-reader'), disableSessionTags: false, policy: '' },
    })
    expect(removed.status).toBe(200)
    expect(removed.body).toMatchObject({ disableSessionTags: false, policy: null })
    expect((await describeInEks(id))?.policy).toBeUndefined()

    getConsoleSession.mockResolvedValue(sessionFor('viewer'))
    const log = await callRoute(audit.GET, {}, { query: '?action=pod-identity-association.create' })
    expect(log.body.events).toHaveLength(1)
    expect(log.body.events[0].after).toMatchObject({ associationId: id, policy: JSON.stringify(READ_ONLY) })
    const updates = await callRoute(audit.GET, {}, { query: '?action=pod-identity-association.update' })
    expect(updates.body.events[0]).toMatchObject({
      target: id,
      before: { policy: JSON.stringify(READ_ONLY) },
      after: { policy: null },
    })
  })

  it('answers 422 on policy when session tags are on, and for a policy that is not a JSON policy', async () => {
    const body = { namespace: 'ml-training', serviceAccount: 'trainer', roleArn: roleArn('orders-s3-reader') }
    const withTags = await callRoute(pias.POST, ml, {
      method: 'POST',
      body: { ...body, policy: JSON.stringify(READ_ONLY) },
    })
    expect(withTags.status).toBe(422)
    expect(withTags.body.error.issues).toEqual([
      expect.objectContaining({ path: ['policy'], message: expect.stringMatching(/session tags turned off/) }),
    ])
    const notJson = await callRoute(pias.POST, ml, {
      method: 'POST',
      body: { ...body, disableSessionTags: true, policy: 'Allow s3:GetObject' },
    })
    expect(notJson.status).toBe(422)
    expect(notJson.body.error.issues[0]).toMatchObject({
      path: ['policy'],
      message: expect.stringMatching(/not valid JSON/),
    })
  })

  it('adds a policy on edit and keeps an association without one free of the member', async () => {
    const created = await callRoute(pias.POST, ml, {
      method: 'POST',
      body: {
        namespace: 'ml-training',
        serviceAccount: 'batch-scorer',
        roleArn: roleArn('orders-s3-reader'),
        createServiceAccount: true,
      },
    })
    expect(created.body.association.policy).toBeNull()
    const params = { ...ml, associationId: created.body.association.associationId }
    const refused = await callRoute(pia.PATCH, params, {
      method: 'PATCH',
      body: { roleArn: roleArn('orders-s3-reader'), policy: JSON.stringify(READ_ONLY) },
    })
    expect(refused.status).toBe(422)
    expect(refused.body.error.issues[0].path).toEqual(['policy'])
    const added = await callRoute(pia.PATCH, params, {
      method: 'PATCH',
      body: {
        roleArn: roleArn('orders-s3-reader'),
        disableSessionTags: true,
        policy: ` ${JSON.stringify(READ_ONLY)} `,
      },
    })
    expect(added.status).toBe(200)
    expect((await describeInEks(params.associationId))?.policy).toBe(JSON.stringify(READ_ONLY))
  })
})
