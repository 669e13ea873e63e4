import type { Session } from 'next-auth'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'

vi.mock('server-only', () => ({}))
const getConsoleSession = vi.fn<() => Promise<Session | null>>()
vi.mock('@/lib/auth/server/session', () => ({ getConsoleSession }))
const logServerError = vi.fn()
vi.mock('./log-server-error', () => ({ logServerError }))

const { withRole } = await import('./with-role')
const { ConsoleError } = await import('@/lib/api/console-error')

const sessionAs = (role: 'viewer' | 'editor' | 'admin'): Session => ({
  expires: '2099-01-01T00:00:00Z',
  user: { name: `Sandbox ${role}`, email: null, role },
})
const call = (handler: ReturnType<typeof withRole<{ cluster: string }>>) =>
  handler(
    new Request('http://console.test/api/clusters/us-west-2/prod-web', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    }),
    {
      params: Promise.resolve({ cluster: 'prod-web' }),
    },
  )

beforeEach(() => {
  getConsoleSession.mockReset()
  logServerError.mockReset()
})

describe('withRole', () => {
  const ok = withRole<{ cluster: string }>('editor', async ({ params, session }) =>
    Response.json({ cluster: (await params).cluster, by: session.user.role }),
  )

  it.each([
    { role: null, status: 401, body: { error: { code: 'unauthenticated', message: 'Sign in to use the console.' } } },
    {
      role: 'viewer' as const,
      status: 403,
      body: { error: { code: 'forbidden', message: 'Your console role is viewer; this needs editor.' } },
    },
    { role: 'editor' as const, status: 200, body: { cluster: 'prod-web', by: 'editor' } },
    { role: 'admin' as const, status: 200, body: { cluster: 'prod-web', by: 'admin' } },
  ])('session role $role → $status', async ({ role, status, body }) => {
    getConsoleSession.mockResolvedValue(role ? sessionAs(role) : null)
    const response = await call(ok)
    expect(response.status).toBe(status)
    expect(await response.json()).toEqual(body)
  })

  it('answers a zod error with 422 and its issues', async () => {
    getConsoleSession.mockResolvedValue(sessionAs('admin'))
    const handler = withRole<{ cluster: string }>('viewer', async ({ body }) => {
      z.object({ username: z.string().min(1, 'Enter a username') }).parse(body)
      return Response.json({})
    })
    const response = await call(handler)
    expect(response.status).toBe(422)
    const { error } = await response.json()
    expect(error.code).toBe('validation_failed')
    expect(error.issues).toEqual([{ path: ['username'], message: expect.stringMatching(/expected string/i) }])
  })

  it.each([
    { error: new ConsoleError('not_found', 'No cluster named x in us-west-2.'), status: 404 },
    { error: new ConsoleError('conflict', 'Already exists.'), status: 409 },
    { error: new ConsoleError('upstream_unreachable', 'Cannot reach the AWS endpoint'), status: 502 },
    { error: new ConsoleError('throttled', 'Slow down'), status: 503 },
  ])('answers ConsoleError $error.code with $status', async ({ error, status }) => {
    getConsoleSession.mockResolvedValue(sessionAs('viewer'))
    const response = await call(withRole('viewer', async () => Promise.reject(error)))
    expect(response.status).toBe(status)
    expect(await response.json()).toEqual({ error: { code: error.code, message: error.message } })
    expect(logServerError).not.toHaveBeenCalled()
  })

  it('hides an unknown error behind a safe message and logs it', async () => {
    getConsoleSession.mockResolvedValue(sessionAs('viewer'))
    const secret = new Error('connection string postgres://user:pw@db')
    const response = await call(withRole('viewer', async () => Promise.reject(secret)))
    expect(response.status).toBe(500)
    const { error } = await response.json()
    expect(error.code).toBe('internal')
    expect(error.message).not.toContain('postgres')
    expect(logServerError).toHaveBeenCalledWith(expect.any(String), 'POST /api/clusters/us-west-2/prod-web', secret)
  })
})
