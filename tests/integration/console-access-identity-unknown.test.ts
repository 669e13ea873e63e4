/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import {
  callRoute,
  getConsoleSession,
  roleArn,
  sessionFor,
  setUpConsoleAccessSandbox,
  userArn,
} from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

// The console-principal guard when STS cannot say who the console is: it must fail closed (every entry might be the
// console's own), and a failed GetCallerIdentity must not be remembered as the answer.
const sandbox = setUpConsoleAccessSandbox({ role: 'editor' })
let list: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
let one: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/route')
let context: typeof import('@/lib/access/server/cluster-access-context')

const eu = { region: 'eu-west-1', cluster: 'eu-shop' }
const stsDown = () =>
  sandbox().sandbox.faults.replaceRules([
    { service: 'sts', operation: 'GetCallerIdentity', kind: 'error', status: 500 },
  ])

beforeAll(async () => {
  list = await import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
  one = await import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/route')
  context = await import('@/lib/access/server/cluster-access-context')
})

beforeEach(async () => {
  await sandbox().sandbox.reset()
  context.forgetConsolePrincipal()
})

describe('console identity unknown (STS GetCallerIdentity fails)', () => {
  it("refuses an editor's delete of the console's own entry, and asks an admin for the typed name", async () => {
    stsDown()
    const admin = { ...eu, principal: userArn('admin') }
    let r = await callRoute(one.DELETE, admin, { method: 'DELETE' })
    expect(r.status).toBe(403)
    expect(r.body.error.message).toMatch(/could not determine its own AWS identity/)
    getConsoleSession.mockResolvedValue(sessionFor('admin'))
    r = await callRoute(one.DELETE, admin, { method: 'DELETE' })
    expect(r.status).toBe(409)
    expect(r.body.error.issues[0].path).toEqual(['confirmClusterName'])
    expect(r.body.error.message).toMatch(/could not determine its own AWS identity/)
    r = await callRoute(one.DELETE, admin, { method: 'DELETE', body: { confirmClusterName: 'eu-shop' } })
    expect(r.status).toBe(200)
  })

  it('treats every entry as possibly the console’s own, and says so on the list', async () => {
    stsDown()
    const { status, body } = await callRoute(list.GET, eu, { query: '?fresh=1' })
    expect(status).toBe(200)
    expect(body.consolePrincipalArn).toBeNull()
    const team = body.entries.find((e: any) => e.principalArn === roleArn('TeamADeveloper'))
    expect(team.lockoutRisk).toBe('console-identity-unknown')
    const r = await callRoute(one.DELETE, { ...eu, principal: roleArn('TeamADeveloper') }, { method: 'DELETE' })
    expect(r.status).toBe(403)
  })

  it('does not remember the failure: once STS answers again, the guard knows the console and lets others go', async () => {
    stsDown()
    const team = { ...eu, principal: roleArn('TeamADeveloper') }
    expect((await callRoute(one.DELETE, team, { method: 'DELETE' })).status).toBe(403)
    sandbox().sandbox.faults.clearRules()
    expect((await callRoute(one.DELETE, team, { method: 'DELETE' })).status).toBe(200)
    const admin = { ...eu, principal: userArn('admin') }
    const r = await callRoute(one.DELETE, admin, { method: 'DELETE' })
    expect(r.status).toBe(403)
    expect(r.body.error.message).toMatch(/console's own AWS principal/)
  })
})
