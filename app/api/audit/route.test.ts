import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Session } from 'next-auth'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const getConsoleSession = vi.fn<() => Promise<Session | null>>()
vi.mock('@/lib/auth/server/session', () => ({ getConsoleSession }))
const logServerError = vi.fn()
vi.mock('@/lib/api/server/log-server-error', () => ({ logServerError }))

const { GET } = await import('./route')
const facets = await import('./facets/route')
const { setAuditStore } = await import('@/lib/audit/server/audit-store-instance')
const { openSqliteAuditStore } = await import('@/lib/audit/server/sqlite-audit-store')
const { recordAuditEvent } = await import('@/lib/audit/server/record-audit-event')

const dir = mkdtempSync(join(tmpdir(), 'audit-route-'))
const as = (role: 'viewer' | 'editor' | 'admin'): Session => ({
  expires: '2099-01-01T00:00:00Z',
  user: { name: `Sandbox ${role}`, email: null, role },
})
const get = async (query = '', handler = GET) => {
  const response = await handler(new Request(`http://console.test/api/audit${query}`), {
    params: Promise.resolve({}),
  })
  return { status: response.status, body: await response.json() }
}

beforeAll(async () => {
  await setAuditStore(openSqliteAuditStore(join(dir, 'audit.sqlite')))
  for (const [i, cluster] of ['prod-web', 'ml-auto', 'prod-web'].entries()) {
    await recordAuditEvent({
      actor: { name: 'Sandbox editor', role: 'editor' },
      action: i === 1 ? 'access-entry.delete' : 'access-entry.grant',
      cluster: { region: 'us-west-2', name: cluster },
      target: `arn:aws:iam::111122223333:role/r${i}`,
      before: i === 1 ? { policies: [] } : null,
      after: i === 1 ? null : { username: `u${i}` },
      result: i === 2 ? 'failed' : 'succeeded',
    })
  }
})
afterAll(async () => {
  await setAuditStore(null)
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => {
  getConsoleSession.mockReset().mockResolvedValue(as('viewer'))
  logServerError.mockReset()
})

describe('GET /api/audit', () => {
  it('lets a viewer read the log, newest first, as DTOs', async () => {
    const { status, body } = await get()
    expect(status).toBe(200)
    expect(body.events.map((e: { target: string }) => e.target.split('/').pop())).toEqual(['r2', 'r1', 'r0'])
    expect(body.events[1]).toEqual({
      id: expect.any(String),
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      actor: { name: 'Sandbox editor', role: 'editor' },
      action: 'access-entry.delete',
      cluster: { region: 'us-west-2', name: 'ml-auto' },
      target: 'arn:aws:iam::111122223333:role/r1',
      result: 'succeeded',
      message: null,
      before: { policies: [] },
      after: null,
    })
    expect(body).toMatchObject({ nextCursor: null, recordingFailures: null })
  })

  it('filters by cluster for the cluster history and pages with the cursor', async () => {
    const first = await get('?cluster=us-west-2/prod-web&limit=1')
    expect(first.body.events).toHaveLength(1)
    expect(first.body.events[0].target).toMatch(/r2$/)
    const second = await get(`?cluster=us-west-2/prod-web&limit=1&cursor=${first.body.nextCursor}`)
    expect(second.body.events[0].target).toMatch(/r0$/)
    expect(second.body.nextCursor).toBeNull()
    expect((await get('?result=failed&action=access-entry.grant&actor=editor')).body.events).toHaveLength(1)
  })

  it('answers 401 without a session', async () => {
    getConsoleSession.mockResolvedValue(null)
    expect((await get()).status).toBe(401)
    expect((await get('', facets.GET)).status).toBe(401)
  })

  it.each([
    ['?cluster=prod-web', 'cluster'],
    ['?result=maybe', 'result'],
    ['?limit=0', 'limit'],
    ['?limit=1000', 'limit'],
    ['?since=yesterday', 'since'],
    ['?since=2026-11-02T00:00:00Z&until=2026-11-01T00:00:00Z', 'until'],
    ['?action=DROP%20TABLE', 'action'],
    ['?cursor=abc', 'cursor'],
    ['?cursor=***', 'cursor'],
  ])('answers 422 for %s, on the %s field', async (query, field) => {
    const { status, body } = await get(query)
    expect(status).toBe(422)
    expect(body.error.issues.map((i: { path: string[] }) => i.path[0])).toContain(field)
  })

  it('shows recording failures as a count with a reference, never the cause', async () => {
    await setAuditStore({
      kind: 'sqlite',
      append: () => Promise.reject(new Error('SQLITE_FULL: database or disk is full at /secret/path')),
      query: async () => ({ events: [], nextCursor: null }),
      facets: async () => ({ clusters: [], actions: [] }),
      addRecordingFailures: () => Promise.reject(new Error('SQLITE_FULL: database or disk is full at /secret/path')),
      readRecordingFailures: () => Promise.reject(new Error('SQLITE_FULL at /secret/path')),
      close: async () => undefined,
      sessions: {
        revokeSession: async () => undefined,
        isSessionRevoked: async () => false,
        recordSignInFailure: async () => undefined,
        recentSignInFailures: async () => [],
      },
    })
    const event = {
      actor: { name: 'a', role: 'admin' as const },
      action: 'x.y',
      target: 't',
      result: 'failed' as const,
    }
    await expect(recordAuditEvent(event)).resolves.toBeUndefined()
    await recordAuditEvent(event)
    expect(logServerError).toHaveBeenCalledTimes(2)
    expect(logServerError.mock.calls[0]?.[1]).toMatch(/x\.y failed on - target t by a/)
    const { body } = await get()
    expect(body.recordingFailures).toEqual({ count: 2, lastAt: expect.any(String), reference: expect.any(String) })
    expect(JSON.stringify(body)).not.toContain('secret')
    await setAuditStore(openSqliteAuditStore(join(dir, 'audit.sqlite')))
  })
})

describe('the not-recorded counter', () => {
  it('survives a restart: kept in memory while the store is down, stored once it answers again', async () => {
    const file = join(dir, 'counter.sqlite')
    const real = openSqliteAuditStore(file)
    let down = true
    const unlessDown =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      (...args: A) =>
        down ? Promise.reject(new Error('SQLITE_IOERR: disk I/O error')) : fn(...args)
    await setAuditStore({
      ...real,
      kind: 'sqlite',
      append: unlessDown(real.append),
      addRecordingFailures: unlessDown(real.addRecordingFailures),
      readRecordingFailures: unlessDown(real.readRecordingFailures),
    })
    const event = {
      actor: { name: 'a', role: 'admin' as const },
      action: 'x.y',
      target: 't',
      result: 'refused' as const,
    }
    await recordAuditEvent(event)
    await recordAuditEvent(event)
    expect((await get()).body.recordingFailures).toMatchObject({ count: 2 })
    down = false
    await recordAuditEvent(event) // recorded, and the two it missed are counted in the store now

    // A new process: nothing in memory, the same file.
    await setAuditStore(openSqliteAuditStore(file))
    const { body } = await get()
    expect(body.recordingFailures).toEqual({ count: 2, lastAt: expect.any(String), reference: expect.any(String) })
    expect(body.events.map((e: { result: string }) => e.result)).toEqual(['refused'])
    await setAuditStore(openSqliteAuditStore(join(dir, 'audit.sqlite')))
  })
})

describe('an unreadable store', () => {
  it('answers 503 naming the audit store, logging the cause only on the server', async () => {
    await setAuditStore({
      kind: 'postgres',
      append: () => Promise.reject(new Error('unused')),
      query: () => Promise.reject(new Error('connect ECONNREFUSED postgres://audit:hunter2@db:5432')),
      facets: () => Promise.reject(new Error('connect ECONNREFUSED postgres://audit:hunter2@db:5432')),
      addRecordingFailures: () => Promise.reject(new Error('unused')),
      readRecordingFailures: () => Promise.reject(new Error('unused')),
      close: async () => undefined,
      sessions: {
        revokeSession: async () => undefined,
        isSessionRevoked: async () => false,
        recordSignInFailure: async () => undefined,
        recentSignInFailures: async () => [],
      },
    })
    for (const handler of [GET, facets.GET]) {
      const { status, body } = await get('', handler)
      expect(status).toBe(503)
      expect(body.error.message).toMatch(/^The audit log's store cannot be read right now \(reference \w+\)/)
      expect(JSON.stringify(body)).not.toContain('hunter2')
    }
    expect(logServerError).toHaveBeenCalledTimes(2)
    await setAuditStore(openSqliteAuditStore(join(dir, 'audit.sqlite')))
  })
})

describe('GET /api/audit/facets', () => {
  it('lists the clusters and actions in the log', async () => {
    const { status, body } = await get('', facets.GET)
    expect(status).toBe(200)
    expect(body).toEqual({
      clusters: [
        { region: 'us-west-2', name: 'ml-auto' },
        { region: 'us-west-2', name: 'prod-web' },
      ],
      actions: ['access-entry.delete', 'access-entry.grant'],
    })
  })
})
