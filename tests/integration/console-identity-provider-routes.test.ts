/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
// The identity-provider routes, in-process against a sandbox: the list with status, association through the shared
// schema with the cluster's state (EKS's words), DescribeUpdate progress, disassociation, audit, and admin-only writes.
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { callRoute, getConsoleSession, sessionFor, setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

const base = '@/app/api/clusters/[region]/[cluster]'
setUpConsoleAccessSandbox({ role: 'admin' })
let list: typeof import('@/app/api/clusters/[region]/[cluster]/identity-providers/route')
let one: typeof import('@/app/api/clusters/[region]/[cluster]/identity-providers/[name]/route')
let update: typeof import('@/app/api/clusters/[region]/[cluster]/identity-provider-updates/[updateId]/route')
let audit: typeof import('@/app/api/audit/route')

const legacy = { region: 'us-west-2', cluster: 'legacy-batch' }
const ml = { region: 'us-west-2', cluster: 'ml-auto' }
const body = { name: 'corp', issuerUrl: 'https://idp.example.com', clientId: 'kubernetes', groupsClaim: 'groups' }

beforeAll(async () => {
  process.env.SANDBOX_EKS_UPDATE_DELAY_MS = '200'
  list = await import(`${base}/identity-providers/route`)
  one = await import(`${base}/identity-providers/[name]/route`)
  update = await import(`${base}/identity-provider-updates/[updateId]/route`)
  audit = await import('@/app/api/audit/route')
}, 60_000)

const waitForUpdate = async (cluster: typeof legacy, updateId: string) => {
  for (let i = 0; i < 50; i++) {
    const r = await callRoute(update.GET, { ...cluster, updateId })
    if (r.body.status !== 'InProgress') return r.body
    await new Promise((res) => setTimeout(res, 100))
  }
  throw new Error('the update did not settle')
}

describe('identity provider routes', () => {
  it('lists the seeded provider on ml-auto with its status, for a viewer', async () => {
    getConsoleSession.mockResolvedValue(sessionFor('viewer'))
    const r = await callRoute(list.GET, ml)
    expect(r.status).toBe(200)
    expect(r.body.kubernetesVersion).toBe('1.34')
    expect(r.body.maxProviders).toBe(10)
    expect(r.body.providers).toEqual([
      expect.objectContaining({
        name: 'example-sso',
        status: 'ACTIVE',
        clientId: 'kubernetes',
        groupsPrefix: 'example:',
      }),
    ])
  })

  it('refuses writes to editors and viewers', async () => {
    for (const role of ['viewer', 'editor'] as const) {
      getConsoleSession.mockResolvedValue(sessionFor(role))
      expect((await callRoute(list.POST, legacy, { method: 'POST', body })).status).toBe(403)
      expect((await callRoute(one.DELETE, { ...legacy, name: 'x' }, { method: 'DELETE', body: {} })).status).toBe(403)
    }
  })

  it('associates (CREATING, then ACTIVE through DescribeUpdate), then refuses a second one on 1.31 in EKS words', async () => {
    const r = await callRoute(list.POST, legacy, { method: 'POST', body })
    expect(r.status).toBe(202)
    expect(r.body).toMatchObject({ status: 'InProgress', type: 'AssociateIdentityProviderConfig' })
    const during = await callRoute(list.POST, legacy, {
      method: 'POST',
      body: { ...body, name: 'other', issuerUrl: 'https://other.example' },
    })
    expect(during.status).toBe(422)
    expect(JSON.stringify(during.body)).toContain('ResourceInUseException: Another identity provider association')
    expect((await waitForUpdate(legacy, r.body.id)).status).toBe('Successful')
    expect((await callRoute(list.GET, legacy)).body.providers[0]).toMatchObject({ name: 'corp', status: 'ACTIVE' })
    const second = await callRoute(list.POST, legacy, {
      method: 'POST',
      body: { ...body, name: 'other', issuerUrl: 'https://other.example' },
    })
    expect(second.status).toBe(422)
    expect(JSON.stringify(second.body)).toContain('Kubernetes 1.31 clusters take only one')
  })

  it('refuses a system: prefix before EKS is asked (422 with the field)', async () => {
    const r = await callRoute(list.POST, ml, { method: 'POST', body: { ...body, groupsPrefix: 'system:x' } })
    expect(r.status).toBe(422)
    expect(r.body.error.issues).toEqual([
      expect.objectContaining({ path: ['groupsPrefix'], message: expect.stringContaining('must not contain system:') }),
    ])
  })

  it('disassociates, and both changes are in the audit log', async () => {
    const r = await callRoute(one.DELETE, { ...legacy, name: 'corp' }, { method: 'DELETE', body: {} })
    expect(r.status).toBe(202)
    await waitForUpdate(legacy, r.body.id)
    expect((await callRoute(list.GET, legacy)).body.providers).toEqual([])
    const events = await callRoute(audit.GET, {}, { query: '?cluster=us-west-2/legacy-batch' })
    const actions = events.body.events
      .filter((e: any) => e.action.startsWith('identity-provider.'))
      .map((e: any) => [e.action, e.result, e.target])
    expect(actions).toEqual(
      expect.arrayContaining([
        ['identity-provider.associate', 'succeeded', 'corp'],
        ['identity-provider.disassociate', 'succeeded', 'corp'],
      ]),
    )
  })
})
