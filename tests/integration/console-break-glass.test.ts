/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
// Break-glass through the route against a real sandbox: only an admin with a configured principal, a reason and at
// most an hour; its own audit actions; the banner's list; and the scheduler takes exactly the added policy back.
import { EKSClient, ListAssociatedAccessPoliciesCommand } from '@aws-sdk/client-eks'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { callRoute, getConsoleSession, roleArn, sessionFor, setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

const breakGlassRole = roleArn('BreakGlassAdmin')
process.env.BREAK_GLASS_PRINCIPALS = `admin=${breakGlassRole}`

const sandbox = setUpConsoleAccessSandbox({ role: 'admin' })
let route: typeof import('@/app/api/clusters/[region]/[cluster]/break-glass/route')
let active: typeof import('@/app/api/break-glass/route')
let audit: typeof import('@/app/api/audit/route')

const prod = { region: 'us-west-2', cluster: 'prod-web' }
const reason = 'INC-4711: the API server rejects every deploy, on-call needs cluster admin to look.'

beforeAll(async () => {
  route = await import('@/app/api/clusters/[region]/[cluster]/break-glass/route')
  active = await import('@/app/api/break-glass/route')
  audit = await import('@/app/api/audit/route')
})

const policiesOf = async (principalArn: string) => {
  const eks = new EKSClient({ ...sandbox().admin, maxAttempts: 1 })
  const out = await eks.send(new ListAssociatedAccessPoliciesCommand({ clusterName: prod.cluster, principalArn }))
  return (out.associatedAccessPolicies ?? []).map((p) => p.policyArn?.split('/').pop())
}
const post = (body: unknown) => callRoute(route.POST, prod, { method: 'POST', body })
const events = async (action: string) =>
  (await callRoute(audit.GET, {}, { query: `?action=${action}` })).body.events as any[]

describe('break-glass', () => {
  it('is refused to an editor, without a reason, beyond an hour, and to an admin with no configured principal', async () => {
    getConsoleSession.mockResolvedValueOnce(sessionFor('editor'))
    expect((await post({ reason })).status).toBe(403)
    const short = await post({ reason: 'because' })
    expect(short.status).toBe(422)
    expect(short.body.error.issues[0]).toMatchObject({ path: ['reason'] })
    expect((await post({ reason, minutes: 61 })).body.error.issues[0]).toMatchObject({ path: ['minutes'] })
    getConsoleSession.mockResolvedValueOnce({
      ...sessionFor('admin'),
      user: { name: 'other-admin', email: null, role: 'admin' },
    })
    const unmapped = await post({ reason })
    expect(unmapped.status).toBe(403)
    expect(unmapped.body.error.message).toMatch(/BREAK_GLASS_PRINCIPALS/)
    expect(await policiesOf(breakGlassRole)).toEqual([])
  })

  it('gives the admin principal cluster admin for the time asked, audited with the reason, until the scheduler ends it', async () => {
    const granted = await post({ reason, minutes: 30 })
    expect(granted.status).toBe(201)
    expect(granted.body.principalArn).toBe(breakGlassRole)
    expect(Date.parse(granted.body.expiresAt) - Date.now()).toBeGreaterThan(29 * 60_000)
    expect(await policiesOf(breakGlassRole)).toEqual(['AmazonEKSClusterAdminPolicy'])
    expect((await post({ reason })).status).toBe(409)

    const [grant] = await events('break-glass.grant')
    expect(grant).toMatchObject({ actor: { name: 'admin' }, result: 'succeeded', after: { reason } })
    const banner = await callRoute(active.GET, {})
    expect(banner.body.grants).toEqual([
      expect.objectContaining({ principalArn: breakGlassRole, cluster: 'prod-web', createdBy: 'admin' }),
    ])

    const { createRevocationScheduler } = await import('@/lib/time-bound/server/revocation-scheduler')
    const { getTimeBoundStore } = await import('@/lib/time-bound/server/time-bound-store-instance')
    const { revokeGrant } = await import('@/lib/time-bound/server/revokers')
    const { recordRevocation } = await import('@/lib/time-bound/server/record-revocation')
    const { withClusterWriteLock } = await import('@/lib/access/server/cluster-write-lock')
    const scheduler = createRevocationScheduler({
      store: await getTimeBoundStore(),
      revoke: revokeGrant,
      withClusterLock: withClusterWriteLock,
      recordOutcome: recordRevocation,
      logFailure: (_grant, _attempt, error) => {
        throw error
      },
      now: () => new Date(Date.now() + 31 * 60_000),
    })
    expect((await scheduler.runOnce()).revoked).toBe(1)
    // BreakGlassAdmin's entry existed before (without policies): only the association goes.
    expect(await policiesOf(breakGlassRole)).toEqual([])
    const [revoked] = await events('break-glass.revoke')
    expect(revoked).toMatchObject({
      actor: { name: 'system' },
      message: expect.stringMatching(/^Break-glass grant .* expired: removed AmazonEKSClusterAdminPolicy\.$/),
    })
    expect((await callRoute(active.GET, {})).body.grants).toEqual([])
  })
})
