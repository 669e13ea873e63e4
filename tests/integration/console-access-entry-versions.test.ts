/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { callRoute, policyArn, roleArn, setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

// Optimistic concurrency for access entries: a version per entry (ETag), If-Match on writes, 412 when stale, 428 when
// a list-replacing write comes without one. Through the real route handlers against the sandbox.
const sandbox = setUpConsoleAccessSandbox({ role: 'editor' })
let list: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
let one: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/route')
let policies: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/policies/route')
let policy: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/policies/[policy]/route')

const teamA = { region: 'us-west-2', cluster: 'prod-web', principal: roleArn('TeamADeveloper') }

beforeAll(async () => {
  list = await import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
  one = await import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/route')
  policies = await import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/policies/route')
  policy = await import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/policies/[policy]/route')
})

beforeEach(async () => {
  await sandbox().sandbox.reset()
})

const read = async () => {
  const r = await callRoute(one.GET, teamA)
  expect(r.status).toBe(200)
  return r
}

describe('access entry versions', () => {
  it('gives the same version in the list, in the detail and as the detail ETag', async () => {
    const detail = await read()
    expect(detail.body.version).toMatch(/^[\w-]{22}$/)
    expect(detail.etag).toBe(`"${detail.body.version}"`)
    const page = await callRoute(list.GET, { region: 'us-west-2', cluster: 'prod-web' }, { query: '?fresh=1' })
    const listed = page.body.entries.find((e: any) => e.principalArn === teamA.principal)
    expect(listed.version).toBe(detail.body.version)
  })

  it('answers a PATCH or policy POST without If-Match with 428, and changes nothing', async () => {
    const before = await read()
    const patch = await callRoute(one.PATCH, teamA, { method: 'PATCH', body: { kubernetesGroups: ['x'] } })
    expect(patch.status).toBe(428)
    expect(patch.body.error.code).toBe('precondition_required')
    const post = await callRoute(policies.POST, teamA, {
      method: 'POST',
      body: { policyArn: policyArn('AmazonEKSViewPolicy'), accessScope: { type: 'cluster' } },
    })
    expect(post.status).toBe(428)
    expect((await read()).body.version).toBe(before.body.version)
  })

  it('answers a stale version with 412 and the current entry, on every kind of write', async () => {
    const stale = (await read()).etag as string
    const moved = await callRoute(one.PATCH, teamA, {
      method: 'PATCH',
      headers: { 'if-match': stale },
      body: { kubernetesGroups: ['team-a-devs', 'moved'] },
    })
    expect(moved.status).toBe(200)
    expect(moved.etag).not.toBe(stale)
    const writes = [
      callRoute(one.PATCH, teamA, { method: 'PATCH', headers: { 'if-match': stale }, body: { kubernetesGroups: [] } }),
      callRoute(policies.POST, teamA, {
        method: 'POST',
        headers: { 'if-match': stale },
        body: { policyArn: policyArn('AmazonEKSViewPolicy'), accessScope: { type: 'cluster' } },
      }),
      callRoute(
        policy.DELETE,
        { ...teamA, policy: policyArn('AmazonEKSEditPolicy') },
        { method: 'DELETE', headers: { 'if-match': stale } },
      ),
      callRoute(one.DELETE, teamA, { method: 'DELETE', headers: { 'if-match': stale } }),
    ]
    for (const r of await Promise.all(writes)) {
      expect(r.status).toBe(412)
      expect(r.body.error.code).toBe('precondition_failed')
      const current = JSON.parse(r.body.error.detail.currentEntry)
      expect(current.kubernetesGroups).toEqual(['team-a-devs', 'moved'])
      expect(`"${r.body.error.detail.currentVersion}"`).toBe(moved.etag)
    }
    expect((await read()).body.kubernetesGroups).toEqual(['team-a-devs', 'moved'])
  })

  it('never loses a group: 50 concurrent read-add-one-group-PATCHes either apply in full or are refused', async () => {
    const initial: string[] = (await read()).body.kubernetesGroups
    const results = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const group = `g-${i}`
        const seen = await read()
        const r = await callRoute(one.PATCH, teamA, {
          method: 'PATCH',
          headers: { 'if-match': seen.etag as string },
          body: { kubernetesGroups: [...seen.body.kubernetesGroups, group] },
        })
        return { group, status: r.status }
      }),
    )
    for (const r of results) expect([200, 412]).toContain(r.status)
    const applied = results.filter((r) => r.status === 200).map((r) => r.group)
    expect(applied.length).toBeGreaterThan(0)
    const final: string[] = (await read()).body.kubernetesGroups
    expect([...final].sort()).toEqual([...initial, ...applied].sort())
  })
})
