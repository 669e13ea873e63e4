/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
// Access requests through the routes against a real sandbox: a viewer may request but not decide, nobody approves
// their own request, an expired request cannot be approved, an approval grants time-bound access, a denial needs a
// comment.
import { createServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

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

// A Slack-compatible webhook receiver: the console reads ACCESS_REQUEST_WEBHOOK_URL when it first loads its env.
const announced: unknown[] = []
const hook = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk: Buffer) => (body += chunk.toString()))
  req.on('end', () => {
    announced.push({ type: req.headers['content-type'], body: JSON.parse(body) as unknown })
    res.end('ok')
  })
})
await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve))
process.env.ACCESS_REQUEST_WEBHOOK_URL = `http://127.0.0.1:${(hook.address() as { port: number }).port}/hook`
afterAll(() => new Promise<void>((resolve) => hook.close(() => resolve())))

setUpConsoleAccessSandbox()
let requests: typeof import('@/app/api/clusters/[region]/[cluster]/access-requests/route')
let decision: typeof import('@/app/api/clusters/[region]/[cluster]/access-requests/[requestId]/decision/route')
let pending: typeof import('@/app/api/access-requests/route')
let grants: typeof import('@/app/api/clusters/[region]/[cluster]/time-bound-grants/route')

const prod = { region: 'us-west-2', cluster: 'prod-web' }
const ask = (principal: string) => ({
  principalArn: roleArn(principal),
  policyArn: policyArn('AmazonEKSViewPolicy'),
  accessScope: { type: 'namespace', namespaces: ['orders'] },
  duration: { kind: 'preset', preset: '4h' },
  reason: 'Debugging the orders rollout (CHG-118).',
})
const as = (role: 'viewer' | 'editor' | 'admin') => getConsoleSession.mockResolvedValue(sessionFor(role))
const request = async (principal: string) => {
  const created = await callRoute(requests.POST, prod, { method: 'POST', body: ask(principal) })
  expect(created.status).toBe(201)
  return created.body.id as string
}
const decide = (requestId: string, body: unknown) =>
  callRoute(decision.POST, { ...prod, requestId }, { method: 'POST', body })

beforeAll(async () => {
  requests = await import('@/app/api/clusters/[region]/[cluster]/access-requests/route')
  decision = await import('@/app/api/clusters/[region]/[cluster]/access-requests/[requestId]/decision/route')
  pending = await import('@/app/api/access-requests/route')
  grants = await import('@/app/api/clusters/[region]/[cluster]/time-bound-grants/route')
})

describe('access requests', () => {
  it('a viewer can request but not approve; a request needs an end and a reason', async () => {
    as('viewer')
    const refused = await callRoute(requests.POST, prod, {
      method: 'POST',
      body: { ...ask('orders-s3-reader'), duration: { kind: 'permanent' }, reason: '' },
    })
    expect(refused.status).toBe(422)
    expect(refused.body.error.issues.map((i: any) => i.path[0]).sort()).toEqual(['duration', 'reason'])
    const id = await request('orders-s3-reader')
    expect((await callRoute(pending.GET, {})).body.requests).toEqual([
      expect.objectContaining({
        id,
        requestedBy: 'viewer',
        status: 'pending',
        expired: false,
        yourRight: { allowed: false, reason: expect.stringMatching(/^Only admins/) },
      }),
    ])
    expect((await decide(id, { decision: 'approve' })).status).toBe(403)
    await vi.waitFor(() =>
      expect(announced).toContainEqual({
        type: 'application/json',
        body: {
          text: expect.stringMatching(/^viewer asks for AmazonEKSViewPolicy on prod-web for .*orders-s3-reader/),
        },
      }),
    )
  })

  it('nobody approves their own request', async () => {
    as('admin')
    const id = await request('reports-writer')
    const own = await decide(id, { decision: 'approve' })
    expect(own.status).toBe(403)
    expect(own.body.error.message).toMatch(/your own request/)
  })

  it('an admin approves: the principal gets the policy, time-bound; the request is no longer pending', async () => {
    as('viewer')
    const id = await request('billing-irsa')
    as('admin')
    const approved = await decide(id, { decision: 'approve', comment: 'ok for today' })
    expect(approved.status).toBe(200)
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: 'admin' })
    const { body } = await callRoute(grants.GET, prod)
    expect(body.grants).toEqual([
      expect.objectContaining({ principalArn: roleArn('billing-irsa'), createdBy: 'admin' }),
    ])
    expect((await decide(id, { decision: 'deny', comment: 'too late' })).status).toBe(409)
    await vi.waitFor(() =>
      expect(announced).toContainEqual({
        type: 'application/json',
        body: {
          text: expect.stringMatching(/^admin approved viewer's request for AmazonEKSViewPolicy on prod-web: ok/),
        },
      }),
    )
    expect((await callRoute(pending.GET, {})).body.requests.map((r: any) => r.id)).not.toContain(id)
  })

  it('a denial needs a comment; an expired request cannot be approved', async () => {
    as('viewer')
    const id = await request('legacy-irsa')
    as('admin')
    expect((await decide(id, { decision: 'deny' })).body.error.issues[0].path).toEqual(['comment'])
    const { createAccessRequest } = await import('@/lib/time-bound/server/access-request-service')
    const { createAccessRequestSchema } = await import('@/lib/time-bound/access-request-schema')
    const old = await createAccessRequest(
      prod,
      createAccessRequestSchema.parse(ask('MlAutoCustomNodeRole')),
      sessionFor('viewer').user,
      new Date(Date.now() - 25 * 3600_000),
    )
    expect((await callRoute(pending.GET, {})).body.requests.map((r: any) => r.id)).not.toContain(old.id)
    expect(
      (await callRoute(pending.GET, {}, { query: '?status=expired' })).body.requests.find((r: any) => r.id === old.id),
    ).toMatchObject({
      expired: true,
      yourRight: { allowed: false, reason: expect.stringMatching(/expired/) },
    })
    const expired = await decide(old.id, { decision: 'approve' })
    expect(expired.status).toBe(409)
    expect(expired.body.error.message).toMatch(/expired/)
  })
})
