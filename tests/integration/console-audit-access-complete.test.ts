/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
import { beforeAll, describe, expect, it, vi } from 'vitest'

import {
  anyVersion,
  callRoute,
  getConsoleSession,
  policyArn,
  roleArn,
  sessionFor,
  setUpConsoleAccessSandbox,
  userArn,
} from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

// Every write through the route handlers, read back through GET /api/audit: who, what, cluster, target, before
// (the entry as the service loaded it), after (the entry as EKS answered afterwards), result and message.

// A mode switch stays InProgress for a minute, so a second switch meets EKS's "update in progress" every time.
process.env.SANDBOX_EKS_UPDATE_DELAY_MS = '60000'

const base = '@/app/api/clusters/[region]/[cluster]'
const sandbox = setUpConsoleAccessSandbox({ role: 'editor' })
let audit: typeof import('@/app/api/audit/route')
let one: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/route')
let policies: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/policies/route')
let policy: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/policies/[policy]/route')
let mode: typeof import('@/app/api/clusters/[region]/[cluster]/authentication-mode/route')

const prod = { region: 'us-west-2', cluster: 'prod-web' }
const legacy = { region: 'us-west-2', cluster: 'legacy-batch' }
const teamB = { ...prod, principal: roleArn('TeamBDeveloper') }
const view = policyArn('AmazonEKSViewPolicy')
const prodWeb = { region: 'us-west-2', name: 'prod-web' }

/** The newest audit event matching the query (read as a viewer, like the Auditor). */
async function latestEvent(query: string): Promise<any> {
  const previous = getConsoleSession.getMockImplementation()
  getConsoleSession.mockResolvedValue(sessionFor('viewer'))
  const { status, body } = await callRoute(audit.GET, {}, { query: `?limit=1&${query}` })
  if (previous) getConsoleSession.mockImplementation(previous)
  expect(status).toBe(200)
  return body.events[0]
}

const readEntry = async (params: typeof teamB) => (await callRoute(one.GET, params)).body

beforeAll(async () => {
  audit = await import('@/app/api/audit/route')
  one = await import(`${base}/access-entries/[principal]/route`)
  policies = await import(`${base}/access-entries/[principal]/policies/route`)
  policy = await import(`${base}/access-entries/[principal]/policies/[policy]/route`)
  mode = await import(`${base}/authentication-mode/route`)
})

describe('single-call access-entry writes record the whole entry before and after', () => {
  it('records an update with the loaded entry before and the entry EKS answers after', async () => {
    const before = await readEntry(teamB)
    const { status, body } = await callRoute(one.PATCH, teamB, {
      method: 'PATCH',
      headers: anyVersion,
      body: { kubernetesGroups: ['team-b-devs', 'oncall'] },
    })
    expect(status).toBe(200)
    const event = await latestEvent('action=access-entry.update')
    expect(event).toMatchObject({
      actor: { name: 'editor', role: 'editor' },
      cluster: prodWeb,
      target: teamB.principal,
      result: 'succeeded',
      message: null,
    })
    expect(event.before).toEqual(before)
    expect(event.before.kubernetesGroups).toEqual(['team-b-devs'])
    expect(event.after).toEqual(body)
    expect(event.after.kubernetesGroups).toEqual(['team-b-devs', 'oncall'])
  })

  it('records an association with the policies before and after', async () => {
    const before = await readEntry(teamB)
    const { status, body } = await callRoute(policies.POST, teamB, {
      method: 'POST',
      headers: anyVersion,
      body: { policyArn: view, accessScope: { type: 'namespace', namespaces: ['team-b'] } },
    })
    expect(status).toBe(200)
    const event = await latestEvent('action=access-policy.associate')
    expect(event).toMatchObject({ actor: { name: 'editor' }, cluster: prodWeb, target: teamB.principal })
    expect(event.result).toBe('succeeded')
    expect(event.before).toEqual(before)
    expect(event.before.policies).toEqual([])
    expect(event.after).toEqual(body)
    expect(event.after.policies).toMatchObject([
      { policyArn: view, accessScope: { type: 'namespace', namespaces: ['team-b'] } },
    ])
  })

  it('records a disassociation with the entry that still had the policy and the entry without it', async () => {
    const before = await readEntry(teamB)
    const { status, body } = await callRoute(policy.DELETE, { ...teamB, policy: view }, { method: 'DELETE' })
    expect(status).toBe(200)
    const event = await latestEvent('action=access-policy.disassociate')
    expect(event).toMatchObject({ cluster: prodWeb, target: teamB.principal, result: 'succeeded' })
    expect(event.before).toEqual(before)
    expect(event.before.policies.map((p: any) => p.policyArn)).toEqual([view])
    expect(event.after).toEqual(body)
    expect(event.after.policies).toEqual([])
  })

  it('records a delete with the whole entry before (its policies included) and null after', async () => {
    const auditor = { ...prod, principal: roleArn('ReadOnlyAuditor') }
    const before = await readEntry(auditor)
    const { status } = await callRoute(one.DELETE, auditor, { method: 'DELETE' })
    expect(status).toBe(200)
    const event = await latestEvent('action=access-entry.delete')
    expect(event).toMatchObject({ actor: { name: 'editor' }, cluster: prodWeb, target: auditor.principal })
    expect(event.result).toBe('succeeded')
    expect(event.before).toEqual(before)
    expect(event.before).toMatchObject({ principalArn: auditor.principal, policies: [{ policyArn: view }] })
    expect(event.after).toBeNull()
  })
})

describe('failed writes record the message the person saw', () => {
  it('records a failed update with the request as after and the error message', async () => {
    const teamA = { ...prod, principal: roleArn('TeamADeveloper') }
    const before = await readEntry(teamA)
    sandbox().sandbox.faults.replaceRules([
      { service: 'eks', operation: 'UpdateAccessEntry', kind: 'error', status: 503 },
    ])
    const { status, body } = await callRoute(one.PATCH, teamA, {
      method: 'PATCH',
      headers: anyVersion,
      body: { username: 'dev' },
    })
    expect(status).toBe(503)
    const event = await latestEvent('result=failed&action=access-entry.update')
    expect(event).toMatchObject({ actor: { name: 'editor' }, cluster: prodWeb, target: teamA.principal })
    expect(event.message).toBe(body.error.message)
    expect(event.message).toMatch(/unavailable/i)
    expect(event.before).toEqual(before)
    expect(event.after).toEqual({ username: 'dev' })
    expect(JSON.stringify(event)).not.toContain(sandbox().admin.credentials.secretAccessKey)
  })

  it('records a failed delete with the entry that is still there and no after', async () => {
    const teamA = { ...prod, principal: roleArn('TeamADeveloper') }
    sandbox().sandbox.faults.replaceRules([
      { service: 'eks', operation: 'DeleteAccessEntry', kind: 'error', status: 503 },
    ])
    const { status, body } = await callRoute(one.DELETE, teamA, { method: 'DELETE' })
    expect(status).toBe(503)
    const event = await latestEvent('result=failed&action=access-entry.delete')
    expect(event).toMatchObject({ target: teamA.principal, result: 'failed', message: body.error.message })
    expect(event.before).toMatchObject({
      principalArn: teamA.principal,
      policies: [{ policyName: 'AmazonEKSEditPolicy' }],
    })
    expect(event).not.toHaveProperty('after')
    expect((await readEntry(teamA)).principalArn).toBe(teamA.principal)
  })
})

describe('authentication-mode switches land in the audit log', () => {
  const switchTo = (cluster: typeof legacy, authenticationMode: string) =>
    callRoute(mode.POST, cluster, { method: 'POST', body: { authenticationMode } })

  it('records an admin switching legacy-batch from CONFIG_MAP to API_AND_CONFIG_MAP with the update id', async () => {
    getConsoleSession.mockResolvedValue(sessionFor('admin'))
    const { status, body } = await switchTo(legacy, 'API_AND_CONFIG_MAP')
    expect(status).toBe(202)
    expect(body).toMatchObject({ status: 'InProgress', targetMode: 'API_AND_CONFIG_MAP' })
    const event = await latestEvent('action=authentication-mode.update&cluster=us-west-2/legacy-batch')
    expect(event).toMatchObject({
      actor: { name: 'admin', role: 'admin' },
      cluster: { region: 'us-west-2', name: 'legacy-batch' },
      target: 'legacy-batch',
      before: { authenticationMode: 'CONFIG_MAP' },
      after: { authenticationMode: 'API_AND_CONFIG_MAP' },
      result: 'succeeded',
    })
    expect(event.message).toContain(body.id)
  })

  it('records a switch EKS refuses (an update already in progress) as failed with its message', async () => {
    getConsoleSession.mockResolvedValue(sessionFor('admin'))
    const { status, body } = await switchTo(legacy, 'API_AND_CONFIG_MAP')
    expect(status).toBe(409)
    const event = await latestEvent('action=authentication-mode.update&result=failed')
    expect(event).toMatchObject({
      actor: { name: 'admin' },
      target: 'legacy-batch',
      before: { authenticationMode: 'CONFIG_MAP' },
      after: { authenticationMode: 'API_AND_CONFIG_MAP' },
      message: body.error.message,
    })
    expect(event.message).toMatch(/update in progress/)
  })

  it('records a step EKS does not allow as failed, and nothing for a role that may not switch', async () => {
    getConsoleSession.mockResolvedValue(sessionFor('admin'))
    const refused = await switchTo(prod, 'CONFIG_MAP')
    expect(refused.status).toBe(422)
    const event = await latestEvent('action=authentication-mode.update&result=failed')
    expect(event).toMatchObject({
      cluster: prodWeb,
      before: { authenticationMode: 'API_AND_CONFIG_MAP' },
      after: { authenticationMode: 'CONFIG_MAP' },
      message: refused.body.error.message,
    })
    getConsoleSession.mockResolvedValue(sessionFor('editor'))
    expect((await switchTo(prod, 'API')).status).toBe(403)
    expect((await latestEvent('action=authentication-mode.update')).id).toBe(event.id)
  })
})

describe("the console's own refusals land in the audit log", () => {
  it('records an editor refused by the lockout guard, with the entry as it stayed', async () => {
    getConsoleSession.mockResolvedValue(sessionFor('editor'))
    const consoleEntry = { region: 'eu-west-1', cluster: 'eu-shop', principal: userArn('admin') }
    const before = await readEntry(consoleEntry)
    const refused = await callRoute(one.DELETE, consoleEntry, { method: 'DELETE' })
    expect(refused.status).toBe(403)
    const event = await latestEvent('action=access-entry.delete&result=refused&cluster=eu-west-1/eu-shop')
    expect(event).toMatchObject({
      result: 'refused',
      actor: { name: 'editor', role: 'editor' },
      target: consoleEntry.principal,
      message: refused.body.error.message,
      before,
    })
    expect(event.message).toMatch(/Only a console admin/)
  })

  it('records a change refused because EKS manages the entry', async () => {
    getConsoleSession.mockResolvedValue(sessionFor('editor'))
    const autoCluster = { region: 'us-west-2', cluster: 'ml-auto', principal: roleArn('AmazonEKSAutoClusterRole') }
    const refused = await callRoute(one.PATCH, autoCluster, {
      method: 'PATCH',
      headers: anyVersion,
      body: { kubernetesGroups: ['x'] },
    })
    expect(refused.status).toBe(409)
    const event = await latestEvent('action=access-entry.update&result=refused&cluster=us-west-2/ml-auto')
    expect(event).toMatchObject({
      result: 'refused',
      target: autoCluster.principal,
      message: refused.body.error.message,
    })
    expect(event.message).toMatch(/managed by EKS/)
    expect(event.after).toEqual({ kubernetesGroups: ['x'] })
  })

  it('records nothing for the typed-name confirmation an admin is asked for', async () => {
    getConsoleSession.mockResolvedValue(sessionFor('admin'))
    const consoleEntry = { region: 'eu-west-1', cluster: 'eu-shop', principal: userArn('admin') }
    const newest = await latestEvent('cluster=eu-west-1/eu-shop')
    const asked = await callRoute(one.DELETE, consoleEntry, { method: 'DELETE' })
    expect(asked.status).toBe(409)
    expect(asked.body.error.issues[0].path).toEqual(['confirmClusterName'])
    expect((await latestEvent('cluster=eu-west-1/eu-shop')).id).toBe(newest.id)
  })
})
