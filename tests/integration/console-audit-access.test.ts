/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { createAccessEntrySchema, type CreateAccessEntryRequest } from '@/lib/access/access-entry-schema'

import {
  callRoute,
  getConsoleSession,
  policyArn,
  roleArn,
  sessionFor,
  setUpConsoleAccessSandbox,
} from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

// Real access-entry writes through lib/access-entries against the sandbox, read back through GET /api/audit from the
// SQLite file the console would use (the harness points AUDIT_DB_PATH at a temp folder it removes on stop).

const sandbox = setUpConsoleAccessSandbox()
let audit: typeof import('@/app/api/audit/route')
let grants: typeof import('@/lib/access/server/grant-access')
let service: typeof import('@/lib/access/server/access-entry-service')

const prod = { region: 'us-west-2', cluster: 'prod-web' }
const editor = sessionFor('editor').user
// These tests are about the audit log, not versions: If-Match: * ("whatever is there now").
const ANY = { kind: 'any' } as const
// The service takes the parsed request, as the route hands it over.
const parseGrant = (body: CreateAccessEntryRequest) => createAccessEntrySchema.parse(body)
const readLog = async (query: string) => {
  getConsoleSession.mockResolvedValue(sessionFor('viewer'))
  const { status, body } = await callRoute(audit.GET, {}, { query })
  expect(status).toBe(200)
  return body
}

beforeAll(async () => {
  audit = await import('@/app/api/audit/route')
  grants = await import('@/lib/access/server/grant-access')
  service = await import('@/lib/access/server/access-entry-service')
})

describe('access-entry writes land in the audit log', () => {
  it('records a grant with actor, cluster, target, result and the entry it created', async () => {
    const principalArn = roleArn('orders-s3-reader')
    const scope = { type: 'namespace' as const, namespaces: ['orders'] }
    const result = await grants.grantAccess(
      prod,
      parseGrant({
        principalArn,
        accessPolicies: [{ policyArn: policyArn('AmazonEKSViewPolicy'), accessScope: scope }],
      }),
      editor,
    )
    expect(result.complete).toBe(true)
    const { events } = await readLog('?cluster=us-west-2/prod-web&action=access-entry.grant')
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      actor: { name: 'editor', role: 'editor' },
      cluster: { region: 'us-west-2', name: 'prod-web' },
      target: principalArn,
      result: 'succeeded',
      before: null,
      after: { principalArn, type: 'STANDARD', accessPolicies: [{ policyArn: policyArn('AmazonEKSViewPolicy') }] },
    })
  })

  it('records a partial grant with the failed association in the message', async () => {
    sandbox().sandbox.faults.replaceRules([
      { service: 'eks', operation: 'AssociateAccessPolicy', kind: 'error', status: 503 },
    ])
    const principalArn = roleArn('reports-writer')
    await grants.grantAccess(
      prod,
      parseGrant({
        principalArn,
        accessPolicies: [{ policyArn: policyArn('AmazonEKSEditPolicy'), accessScope: { type: 'cluster' } }],
      }),
      editor,
    )
    const { events } = await readLog(`?result=partial`)
    expect(events[0]).toMatchObject({ target: principalArn, result: 'partial', after: { accessPolicies: [] } })
    expect(events[0].message).toMatch(/1 access policy was not associated\. AmazonEKSEditPolicy: .*unavailable/i)
  })

  it('records update, associate, disassociate and delete, newest first for the cluster history', async () => {
    const target = { ...prod, principalArn: roleArn('orders-s3-reader') }
    await service.changeAccessEntry(target, { kubernetesGroups: ['orders-devs'] }, editor, ANY)
    await service.setAccessPolicy(
      target,
      { policyArn: policyArn('AmazonEKSEditPolicy'), accessScope: { type: 'namespace', namespaces: ['orders'] } },
      editor,
      ANY,
    )
    await service.removeAccessPolicy(target, { policyArn: policyArn('AmazonEKSEditPolicy') }, editor, ANY)
    await service.removeAccessEntry(target, {}, editor, ANY)
    const { events } = await readLog(`?cluster=us-west-2/prod-web&actor=EDIT&limit=4`)
    expect(events.map((e: any) => [e.action, e.result])).toEqual([
      ['access-entry.delete', 'succeeded'],
      ['access-policy.disassociate', 'succeeded'],
      ['access-policy.associate', 'succeeded'],
      ['access-entry.update', 'succeeded'],
    ])
    const [deleted, , associated, updated] = events
    expect(deleted.before.policies[0].policyName).toBe('AmazonEKSViewPolicy')
    expect(deleted.after).toBeNull()
    const associatedNames = associated.after.policies.map((p: any) => p.policyName).sort()
    expect(associatedNames).toEqual(['AmazonEKSEditPolicy', 'AmazonEKSViewPolicy'])
    expect(updated.after).toMatchObject({ principalArn: target.principalArn, kubernetesGroups: ['orders-devs'] })
  })

  it('records a refused write as failed and keeps the thrown error for the caller', async () => {
    sandbox().sandbox.faults.replaceRules([
      { service: 'eks', operation: 'UpdateAccessEntry', kind: 'error', status: 503 },
    ])
    await expect(
      service.changeAccessEntry({ ...prod, principalArn: roleArn('TeamADeveloper') }, { username: 'dev' }, editor, ANY),
    ).rejects.toThrow()
    const { events } = await readLog('?result=failed')
    expect(events[0]).toMatchObject({ action: 'access-entry.update', result: 'failed', after: { username: 'dev' } })
  })

  it('pages the whole history with nextCursor and answers an unknown cluster with an empty page', async () => {
    const first = await readLog('?limit=2')
    expect(first.events).toHaveLength(2)
    const second = await readLog(`?limit=50&cursor=${first.nextCursor}`)
    const ids = [...first.events, ...second.events].map((e: any) => Number(e.id))
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    expect(new Set(ids).size).toBe(ids.length)
    expect((await readLog('?cluster=eu-west-1/eu-shop')).events).toEqual([])
  })
})
