import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'

import { startLocalPostgres } from '@/tests/support/start-local-postgres'

import type { NewGrant, TimeBoundStore } from './time-bound-store'

vi.mock('server-only', () => ({}))

const { openSqliteTimeBoundStore } = await import('./sqlite-time-bound-store')
const { openPostgresTimeBoundStore } = await import('./postgres-time-bound-store')

const dir = mkdtempSync(join(tmpdir(), 'time-bound-store-'))
const server = await startLocalPostgres()
if (typeof server === 'string') console.log(`Skipping the PostgreSQL time-bound store tests: ${server}`)
const pg = typeof server === 'string' ? null : server
const stores: TimeBoundStore[] = []
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()))
  pg?.stop()
  rmSync(dir, { recursive: true, force: true })
})

let databases = 0
/** Two handles on one fresh database: two processes sharing the SQLite file, or two replicas on PostgreSQL. */
async function openPair(kind: 'sqlite' | 'postgres'): Promise<[TimeBoundStore, TimeBoundStore]> {
  databases++
  if (kind === 'sqlite') {
    const file = join(dir, `grants-${databases}.sqlite`)
    const pair = [openSqliteTimeBoundStore(file), openSqliteTimeBoundStore(file)] as [TimeBoundStore, TimeBoundStore]
    stores.push(...pair)
    return pair
  }
  const admin = openPostgresTimeBoundStore(pg!.url('postgres'))
  const { Client } = await import('pg')
  const client = new Client({ connectionString: pg!.url('postgres') })
  await client.connect()
  await client.query(`CREATE DATABASE grants_${databases}`)
  await client.end()
  await admin.close()
  const url = pg!.url(`grants_${databases}`)
  const pair = [openPostgresTimeBoundStore(url), openPostgresTimeBoundStore(url)] as [TimeBoundStore, TimeBoundStore]
  stores.push(...pair)
  return pair
}

const t0 = new Date('2026-12-03T10:00:00Z')
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000)
const grant = (id: string, expiresInSeconds: number): NewGrant => ({
  id,
  region: 'us-west-2',
  cluster: 'prod-web',
  principalArn: `arn:aws:iam::111122223333:role/${id}`,
  addition: {
    kind: 'access-policy',
    principalArn: `arn:aws:iam::111122223333:role/${id}`,
    policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
    accessScope: { type: 'namespace', namespaces: ['team-a'] },
  },
  createdBy: 'alice',
  createdAt: t0,
  expiresAt: at(expiresInSeconds),
})

describe.each(['sqlite', 'postgres'] as const)('%s time-bound store', (kind) => {
  const skip = kind === 'postgres' && !pg

  it.skipIf(skip)('claims only due grants, and each due grant for one claimer only', async () => {
    const [a, b] = await openPair(kind)
    for (let i = 0; i < 40; i++) await a.add(grant(`g${i}`, i < 30 ? 60 : 3600))
    expect(await a.claimDue(at(30), 'a', at(600), 100)).toEqual([])
    // Both claim at once, in small batches, until nothing is left: every due grant lands with exactly one of them.
    const claimed: string[] = []
    const drain = async (store: TimeBoundStore, owner: string) => {
      for (;;) {
        const batch = await store.claimDue(at(61), owner, at(600), 3)
        if (batch.length === 0) return
        claimed.push(...batch.map((g) => g.id))
      }
    }
    await Promise.all([drain(a, 'a'), drain(b, 'b')])
    expect(claimed.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `g${i}`).sort())
    expect((await b.listActive({ region: 'us-west-2', cluster: 'prod-web' })).map((g) => g.id)).toHaveLength(40)
  })

  it.skipIf(skip)('lets only the claimer finish; a failed attempt waits for its retry time', async () => {
    const [a, b] = await openPair(kind)
    await a.add(grant('one', 60))
    await a.add(grant('two', 60))
    const [one, two] = await a.claimDue(at(61), 'a', at(600), 10)
    expect(one?.addition).toMatchObject({ kind: 'access-policy', policyArn: expect.stringMatching(/ViewPolicy$/) })
    expect(await b.finish('one', 'b', 'revoked', at(62))).toBe(false)
    expect(await a.finish('one', 'a', 'revoked', at(62))).toBe(true)
    expect(await a.finish('one', 'a', 'revoked', at(63))).toBe(false)

    await a.retryLater(two!.id, 'a', at(120), 'ThrottlingException')
    expect(await b.claimDue(at(119), 'b', at(600), 10)).toEqual([])
    const [retried] = await b.claimDue(at(120), 'b', at(600), 10)
    expect(retried).toMatchObject({ id: 'two', attempts: 1, lastError: 'ThrottlingException' })
    expect((await a.listFailing(1)).map((g) => g.id)).toEqual(['two'])
    expect((await a.listActive({ region: 'us-west-2', cluster: 'prod-web' })).map((g) => g.id)).toEqual(['two'])
  })

  it.skipIf(skip)('hands a grant to another claimer once the first claim lapsed (its process died)', async () => {
    const [a, b] = await openPair(kind)
    await a.add(grant('orphan', 60))
    expect(await a.claimDue(at(61), 'a', at(120), 10)).toHaveLength(1)
    expect(await b.claimDue(at(100), 'b', at(700), 10)).toEqual([])
    expect(await b.claimDue(at(121), 'b', at(700), 10)).toHaveLength(1)
    expect(await a.finish('orphan', 'a', 'revoked', at(122))).toBe(false)
  })

  it.skipIf(skip)('completes one grant’s addition (a RoleBinding’s uid), read by another handle', async () => {
    const [a, b] = await openPair(kind)
    const binding = {
      kind: 'role-binding' as const,
      bindingKind: 'RoleBinding' as const,
      namespace: 'team-a',
      name: 'devs-view',
      roleRef: { kind: 'ClusterRole', name: 'view' },
      subjects: [{ kind: 'Group', name: 'devs', namespace: null }],
      uid: null,
    }
    await a.add({ ...grant('rb', 60), addition: binding })
    await a.add({ ...grant('done', 60), addition: binding })
    await b.updateAddition('rb', { ...binding, uid: 'uid-1' })
    expect((await a.listActive()).find((g) => g.id === 'rb')?.addition).toEqual({ ...binding, uid: 'uid-1' })
    expect((await a.listActive()).find((g) => g.id === 'done')?.addition).toEqual(binding)
  })

  it.skipIf(skip)('keeps each cluster maximum', async () => {
    const [a, b] = await openPair(kind)
    const prod = { region: 'us-west-2', cluster: 'prod-web' }
    expect(await a.readMaxSeconds(prod)).toBeNull()
    await a.writeMaxSeconds(prod, 3600, 'admin')
    await b.writeMaxSeconds(prod, 7200, 'admin')
    expect(await a.readMaxSeconds(prod)).toBe(7200)
    expect(await a.readMaxSeconds({ region: 'us-west-2', cluster: 'other' })).toBeNull()
  })
})
