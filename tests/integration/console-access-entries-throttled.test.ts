/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
// The access page under EKS throttling, through the real SDK (and its retries) against the sandbox's fault rules:
// an entry whose details EKS keeps refusing is named, the rest still show; a cluster that refuses them all fails.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { callRoute, roleArn, setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

const sandbox = setUpConsoleAccessSandbox({ role: 'viewer' })
let list: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/route')

const prod = { region: 'us-west-2', cluster: 'prod-web' }
const fresh = { query: '?fresh=1' }
const teamA = roleArn('TeamADeveloper')

beforeAll(async () => {
  list = await import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
})
afterEach(() => sandbox().sandbox.faults.clearRules())

describe('access entries while EKS throttles', () => {
  it('shows every other entry and names the one EKS kept throttling; a retry reads it', async () => {
    const complete = await callRoute(list.GET, prod, fresh)
    expect(complete.status).toBe(200)
    expect(complete.body.unreadable).toEqual([])
    const all = complete.body.entries.map((e: any) => e.principalArn)
    expect(all).toContain(teamA)

    sandbox().sandbox.faults.replaceRules([
      { service: 'eks', operation: 'DescribeAccessEntry', pathContains: teamA, kind: 'throttle' },
    ])
    const partial = await callRoute(list.GET, prod, fresh)
    expect(partial.status).toBe(200)
    expect(partial.body.entries.map((e: any) => e.principalArn)).toEqual(all.filter((a: string) => a !== teamA))
    expect(partial.body.unreadable).toEqual([
      { principalArn: teamA, principalName: 'TeamADeveloper', message: expect.stringMatching(/throttling/) },
    ])
    // The SDK tried five times before the page gave up on that one entry.
    expect(sandbox().sandbox.faults.listRules()[0]?.fired).toBe(5)

    sandbox().sandbox.faults.clearRules()
    const retried = await callRoute(list.GET, prod)
    expect(retried.body.entries.map((e: any) => e.principalArn)).toEqual(all)
    expect(retried.body.unreadable).toEqual([])
  }, 60_000)

  it('fails the page with the throttling message when no entry can be read', async () => {
    sandbox().sandbox.faults.replaceRules([{ service: 'eks', operation: 'DescribeAccessEntry', kind: 'throttle' }])
    const refused = await callRoute(list.GET, prod, fresh)
    expect(refused.status).toBe(503)
    expect(refused.body.error).toMatchObject({ code: 'throttled', message: expect.stringMatching(/throttling/) })
  }, 60_000)
})
