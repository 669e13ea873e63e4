// The effective-access snapshot (which findings share) reads access entries through the access page's loader and
// detail cache: entries the access page has just described are not asked of EKS again, the console's own writes drop
// theirs, and `fresh` (Refresh) describes every entry again. Through the real SDK against the sandbox, whose fault
// rules count the calls they see.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { principalAnalysisSchema } from '@/lib/effective-access/effective-access-dto'

import { callRoute, roleArn, setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

const sandbox = setUpConsoleAccessSandbox({ role: 'viewer' })
const prod = { region: 'us-west-2', cluster: 'prod-web' }
const teamA = roleArn('TeamADeveloper')
let accessPage: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
let principal: typeof import('@/app/api/clusters/[region]/[cluster]/effective-access/principal/route')
let snapshots: typeof import('@/lib/effective-access/server/cluster-snapshot')

beforeAll(async () => {
  accessPage = await import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
  principal = await import('@/app/api/clusters/[region]/[cluster]/effective-access/principal/route')
  snapshots = await import('@/lib/effective-access/server/cluster-snapshot')
})
afterEach(() => sandbox().sandbox.faults.clearRules())

const describeCalls = () => sandbox().sandbox.faults.listRules()[0]?.fired

describe('the effective-access snapshot and the access page share the entry loader and cache', () => {
  it('does not describe again the entries the access page just read; Refresh does', async () => {
    expect((await callRoute(accessPage.GET, prod, { query: '?fresh=1' })).status).toBe(200)
    // From now on EKS throttles every DescribeAccessEntry: any call the snapshot made would show (and fail).
    sandbox().sandbox.faults.replaceRules([
      { service: 'eks', operation: 'DescribeAccessEntry', pathContains: teamA, kind: 'throttle' },
    ])
    snapshots.clearClusterSnapshots()
    const { status, body } = await callRoute(principal.GET, prod, {
      query: `?principalArn=${encodeURIComponent(teamA)}`,
    })
    expect(status).toBe(200)
    const answer = principalAnalysisSchema.parse(body)
    expect([answer.identity.via, answer.gaps, describeCalls()]).toEqual(['access-entry', [], 0])

    const fresh = await snapshots.loadClusterSnapshot({ region: prod.region, name: prod.cluster }, { fresh: true })
    expect(fresh.gaps).toEqual([expect.stringMatching(new RegExp(`^access entry ${teamA}: .*throttling`))])
    expect(describeCalls()).toBe(5)
  }, 60_000)
})
