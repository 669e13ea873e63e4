/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'

import type { AuditStore } from '@/lib/audit/server/audit-store'

vi.mock('server-only', () => ({}))

// Liveness answers while the process does; readiness only when the configuration is valid and the store answers.
// The order matters: lib/env caches the first valid configuration, so the invalid case runs first.
const dir = mkdtempSync(join(tmpdir(), 'health-route-'))
const saved = { ...process.env }
Object.assign(process.env, { CONSOLE_AUTH: 'sandbox', AUDIT_DB_PATH: join(dir, 'audit.sqlite') })
delete process.env.DATABASE_URL

const health = await import('./route')
const ready = await import('./ready/route')
const { setAuditStore } = await import('@/lib/audit/server/audit-store-instance')

const call = async (handler: (req: Request) => Promise<Response>, path: string) => {
  const response = await handler(new Request(`http://console.test${path}`))
  return { status: response.status, body: (await response.json()) as any, cache: response.headers.get('cache-control') }
}

afterAll(async () => {
  await setAuditStore(null)
  process.env = saved
  rmSync(dir, { recursive: true, force: true })
})

describe('GET /api/health', () => {
  it('answers 503 naming the configuration when a variable is invalid, and 200 to liveness all the same', async () => {
    process.env.CONSOLE_REGIONS = 'not a region'
    const answer = await call(ready.GET, '/api/health/ready')
    expect(answer.status).toBe(503)
    expect(answer.body.checks[0]).toEqual({
      name: 'configuration',
      ok: false,
      detail: 'CONSOLE_REGIONS item 1 "not a region" invalid',
    })
    expect((await call(health.GET, '/api/health')).status).toBe(200)
    delete process.env.CONSOLE_REGIONS
  })

  it('is live and ready with a valid configuration and the SQLite store, never cached', async () => {
    expect(await call(health.GET, '/api/health')).toEqual({ status: 200, body: { status: 'ok' }, cache: 'no-store' })
    for (const [handler, path] of [
      [ready.GET, '/api/health/ready'],
      [health.GET, '/api/health?ready=1'],
    ] as const) {
      const answer = await call(handler, path)
      expect(answer.status, path).toBe(200)
      expect(answer.body.checks).toEqual([
        { name: 'configuration', ok: true },
        { name: 'store', ok: true, detail: 'sqlite' },
      ])
    }
  })

  it('is not ready while the store fails or does not answer, and live all the same', async () => {
    const failing = {
      kind: 'postgres',
      readRecordingFailures: () => Promise.reject(new Error('connect ECONNREFUSED')),
      close: async () => {},
    }
    await setAuditStore(failing as unknown as AuditStore)
    const refused = await call(ready.GET, '/api/health/ready')
    expect(refused.status).toBe(503)
    expect(refused.body.checks[1]).toEqual({ name: 'store', ok: false, detail: 'connect ECONNREFUSED' })

    const silent = { kind: 'postgres', readRecordingFailures: () => new Promise(() => {}), close: async () => {} }
    await setAuditStore(silent as unknown as AuditStore)
    const hung = await call(ready.GET, '/api/health/ready')
    expect(hung.status).toBe(503)
    expect(hung.body.checks[1]).toEqual({ name: 'store', ok: false, detail: 'no answer in 3 s' })
    expect((await call(health.GET, '/api/health')).status).toBe(200)
  })
})
