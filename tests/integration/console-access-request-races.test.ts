/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
// Racing writes on access requests and break-glass, and the per-cluster rule that lets editors decide, through the
// routes against a real sandbox: two admins approving one request at once make one grant and one approval record;
// an approval that loses the race with the request's expiry grants nothing; break-glass pressed twice at once grants
// once.
import type { Session } from 'next-auth'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import {
  callRoute,
  getConsoleSession,
  policyArn,
  roleArn,
  sessionFor,
  setUpConsoleAccessSandbox,
} from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

process.env.BREAK_GLASS_PRINCIPALS = `admin=${roleArn('BreakGlassAdmin')}`
setUpConsoleAccessSandbox()

let requests: typeof import('@/app/api/clusters/[region]/[cluster]/access-requests/route')
let one: typeof import('@/app/api/clusters/[region]/[cluster]/access-requests/[requestId]/route')
let decision: typeof import('@/app/api/clusters/[region]/[cluster]/access-requests/[requestId]/decision/route')
let settings: typeof import('@/app/api/clusters/[region]/[cluster]/time-bound-settings/route')
let breakGlass: typeof import('@/app/api/clusters/[region]/[cluster]/break-glass/route')
let grants: typeof import('@/app/api/clusters/[region]/[cluster]/time-bound-grants/route')
let audit: typeof import('@/app/api/audit/route')

beforeAll(async () => {
  requests = await import('@/app/api/clusters/[region]/[cluster]/access-requests/route')
  one = await import('@/app/api/clusters/[region]/[cluster]/access-requests/[requestId]/route')
  decision = await import('@/app/api/clusters/[region]/[cluster]/access-requests/[requestId]/decision/route')
  settings = await import('@/app/api/clusters/[region]/[cluster]/time-bound-settings/route')
  breakGlass = await import('@/app/api/clusters/[region]/[cluster]/break-glass/route')
  grants = await import('@/app/api/clusters/[region]/[cluster]/time-bound-grants/route')
  audit = await import('@/app/api/audit/route')
})

const prod = { region: 'us-west-2', cluster: 'prod-web' }
const ml = { region: 'us-west-2', cluster: 'ml-auto' }
const ask = (principal: string) => ({
  principalArn: roleArn(principal),
  policyArn: policyArn('AmazonEKSViewPolicy'),
  accessScope: { type: 'namespace', namespaces: ['orders'] },
  duration: { kind: 'preset', preset: '1h' },
  reason: 'Reading the orders rollout logs (CHG-204).',
})
const otherAdmin: Session = { ...sessionFor('admin'), user: { name: 'other-admin', email: null, role: 'admin' } }
const as = (session: Session) => getConsoleSession.mockResolvedValue(session)
const fileRequest = async (cluster: typeof prod, principal: string) => {
  as(sessionFor('viewer'))
  const created = await callRoute(requests.POST, cluster, { method: 'POST', body: ask(principal) })
  expect(created.status).toBe(201)
  return created.body.id as string
}
const events = async (action: string, target?: string) =>
  ((await callRoute(audit.GET, {}, { query: `?action=${action}` })).body.events as any[]).filter(
    (e) => !target || e.target === target,
  )
const grantsOf = async (cluster: typeof prod, principal: string) =>
  ((await callRoute(grants.GET, cluster)).body.grants as any[]).filter((g) => g.principalArn === roleArn(principal))

describe('access request races', () => {
  it('two admins approving at once: one grant, one approval record, the other hears it was already decided', async () => {
    const id = await fileRequest(prod, 'orders-s3-reader')
    const approve = (session: Session) => {
      getConsoleSession.mockResolvedValueOnce(session)
      return callRoute(decision.POST, { ...prod, requestId: id }, { method: 'POST', body: { decision: 'approve' } })
    }
    const answers = await Promise.all([approve(sessionFor('admin')), approve(otherAdmin)])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
    const winner = answers.find((a) => a.status === 200)!.body.decidedBy
    expect(answers.find((a) => a.status === 409)!.body.error.message).toBe(
      `This request was already approved by ${winner}.`,
    )
    as(sessionFor('admin'))
    expect(await grantsOf(prod, 'orders-s3-reader')).toHaveLength(1)
    const approvals = await events('access-request.approve', roleArn('orders-s3-reader'))
    expect(approvals).toEqual([
      expect.objectContaining({ result: 'succeeded', actor: expect.objectContaining({ name: winner }) }),
    ])
    expect(await events('access-entry.grant', roleArn('orders-s3-reader'))).toHaveLength(1)
  })

  it('an approval that loses the race with the request’s expiry grants nothing and records no approval', async () => {
    const { createAccessRequest, decideAccessRequest } = await import('@/lib/time-bound/server/access-request-service')
    const { createAccessRequestSchema, REQUEST_TTL_MS } = await import('@/lib/time-bound/access-request-schema')
    const filed = new Date(Date.now() - REQUEST_TTL_MS + 60_000)
    const request = await createAccessRequest(
      prod,
      createAccessRequestSchema.parse(ask('reports-writer')),
      sessionFor('viewer').user,
      filed,
    )
    // The permission check runs a second before the end; the conditional write lands a second after it.
    const clock = [new Date(filed.getTime() + REQUEST_TTL_MS - 1000), new Date(filed.getTime() + REQUEST_TTL_MS + 1000)]
    const attempt = decideAccessRequest(
      prod,
      request.id,
      { decision: 'approve', comment: '' },
      sessionFor('admin').user,
      () => clock.shift() ?? new Date(),
    )
    await expect(attempt).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/expired/) })
    as(sessionFor('admin'))
    expect(await grantsOf(prod, 'reports-writer')).toEqual([])
    expect(await events('access-request.approve', roleArn('reports-writer'))).toEqual([])
    expect((await callRoute(one.GET, { ...prod, requestId: request.id })).body).toMatchObject({ status: 'pending' })
  })

  it('break-glass pressed twice at once by one admin grants once', async () => {
    const press = () => {
      getConsoleSession.mockResolvedValueOnce(sessionFor('admin'))
      return callRoute(breakGlass.POST, ml, {
        method: 'POST',
        body: { reason: 'INC-77: the scheduler is down, need cluster admin to look.', minutes: 15 },
      })
    }
    const answers = await Promise.all([press(), press()])
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409])
    as(sessionFor('admin'))
    expect(await grantsOf(ml, 'BreakGlassAdmin')).toHaveLength(1)
    expect((await events('break-glass.grant')).filter((e) => e.result === 'succeeded')).toHaveLength(1)
  })
})

describe('who decides', () => {
  it('an editor decides a cluster’s requests only once an admin allowed it there; never their own', async () => {
    const id = await fileRequest(ml, 'billing-irsa')
    as(sessionFor('editor'))
    expect((await callRoute(one.GET, { ...ml, requestId: id })).body.yourRight).toEqual({
      allowed: false,
      reason: expect.stringMatching(/only admins decide/),
    })
    const refused = await callRoute(
      decision.POST,
      { ...ml, requestId: id },
      { method: 'POST', body: { decision: 'approve' } },
    )
    expect(refused.status).toBe(403)
    const allow = { maxSeconds: 4 * 3600, editorsMayApprove: true }
    expect((await callRoute(settings.PUT, ml, { method: 'PUT', body: allow })).status).toBe(403)
    as(sessionFor('viewer'))
    expect((await callRoute(settings.GET, ml)).body).toMatchObject({ editorsMayApprove: false, custom: false })

    as(sessionFor('admin'))
    expect((await callRoute(settings.PUT, ml, { method: 'PUT', body: { maxSeconds: 4 * 3600 } })).status).toBe(422)
    expect((await callRoute(settings.PUT, ml, { method: 'PUT', body: allow })).body).toMatchObject({
      ...allow,
      custom: true,
      updatedBy: 'admin',
    })
    expect(await events('time-bound-settings.update', 'ml-auto')).toEqual([
      expect.objectContaining({
        before: { maxSeconds: 7 * 86_400, editorsMayApprove: false },
        after: allow,
      }),
    ])
    // Another cluster keeps its own rule.
    const elsewhere = await fileRequest(prod, 'legacy-irsa')
    as(sessionFor('editor'))
    expect((await callRoute(one.GET, { ...prod, requestId: elsewhere })).body.yourRight.allowed).toBe(false)
    const approved = await callRoute(
      decision.POST,
      { ...ml, requestId: id },
      {
        method: 'POST',
        body: { decision: 'approve', comment: 'fine for the afternoon' },
      },
    )
    expect(approved.status).toBe(200)
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: 'editor' })
    expect(await grantsOf(ml, 'billing-irsa')).toEqual([expect.objectContaining({ createdBy: 'editor' })])

    const own = await callRoute(requests.POST, ml, { method: 'POST', body: ask('orders-s3-reader') })
    const self = await callRoute(
      decision.POST,
      { ...ml, requestId: own.body.id },
      { method: 'POST', body: { decision: 'approve' } },
    )
    expect(self.status).toBe(403)
    expect(self.body.error.message).toMatch(/your own request/)
  })
})
