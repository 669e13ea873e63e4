import { Pool } from 'pg'
import { afterAll, describe, expect, it, vi } from 'vitest'

import { freePort, startLocalPostgres } from '@/tests/support/start-local-postgres'

vi.mock('server-only', () => ({}))

const { createPostgresWriteLock } = await import('./postgres-write-lock')

const server = await startLocalPostgres()
if (typeof server === 'string') console.log(`Skipping the PostgreSQL write lock tests: ${server}`)
const pg = typeof server === 'string' ? null : server

const pools: Pool[] = []
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()))
  pg?.stop()
})

// Two pools stand for two console replicas: separate connections, so only PostgreSQL can exclude them.
const replica = () => {
  const pool = new Pool({ connectionString: pg?.url('postgres'), max: 4 })
  pools.push(pool)
  return createPostgresWriteLock(pool)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.skipIf(!pg)('PostgreSQL write lock', () => {
  it('excludes a holder of the same key on another connection (two replicas)', async () => {
    const [a, b] = [replica(), replica()]
    const events: string[] = []
    const hold = (lock: typeof a, name: string) =>
      lock.run('cluster-1', async () => {
        events.push(`${name} in`)
        await sleep(150)
        events.push(`${name} out`)
      })
    await Promise.all([hold(a, 'a'), hold(b, 'b'), hold(a, 'a2'), hold(b, 'b2')])
    // Mutual exclusion: every "in" is followed by its own "out" before anyone else gets in.
    for (let i = 0; i < events.length; i += 2) {
      expect(events[i + 1]).toBe(events[i]?.replace(' in', ' out'))
    }
    expect(events).toHaveLength(8)
  })

  it('does not make different keys wait for each other', async () => {
    const [a, b] = [replica(), replica()]
    let inside = 0
    let most = 0
    const hold = (lock: typeof a, key: string) =>
      lock.run(key, async () => {
        inside++
        most = Math.max(most, inside)
        await sleep(150)
        inside--
      })
    await Promise.all([hold(a, 'cluster-x'), hold(b, 'cluster-y')])
    expect(most).toBe(2)
  })

  it('releases the lock when the holder throws', async () => {
    const [a, b] = [replica(), replica()]
    await expect(a.run('cluster-2', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(b.run('cluster-2', async () => 'got it')).resolves.toBe('got it')
  })
})

describe('PostgreSQL write lock without a database', () => {
  it('refuses with a sentence (fail closed) when the database cannot be reached', async () => {
    const pool = new Pool({ connectionString: `postgres://postgres@127.0.0.1:${await freePort()}/none` })
    pools.push(pool)
    let ran = false
    const lock = createPostgresWriteLock(pool)
    const attempt = lock.run('cluster-3', async () => {
      ran = true
    })
    await expect(attempt).rejects.toMatchObject({ code: 'upstream_unavailable', message: /write lock/ })
    expect(ran).toBe(false)
  })
})
