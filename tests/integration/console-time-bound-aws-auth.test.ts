/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
// A time-bound aws-auth row: added through PUT …/aws-auth with a duration, removed by the scheduler when it ends —
// only that row, with the resourceVersion it read (a concurrent edit makes it retry, never overwrite) — and a row
// someone changed meanwhile is left in place as drift.
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { callRoute, roleArn, setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

setUpConsoleAccessSandbox({ role: 'admin' })
let awsAuth: typeof import('@/app/api/clusters/[region]/[cluster]/aws-auth/route')
let audit: typeof import('@/app/api/audit/route')
let scheduler: (offsetMs: number) => Promise<{ runOnce: () => Promise<{ revoked: number; failed: number }> }>

const legacy = { region: 'us-west-2', cluster: 'legacy-batch' }
const HOUR = 3600_000
const failures: unknown[] = []

beforeAll(async () => {
  awsAuth = await import('@/app/api/clusters/[region]/[cluster]/aws-auth/route')
  audit = await import('@/app/api/audit/route')
  const { createRevocationScheduler } = await import('@/lib/time-bound/server/revocation-scheduler')
  const { getTimeBoundStore } = await import('@/lib/time-bound/server/time-bound-store-instance')
  const { revokeGrant } = await import('@/lib/time-bound/server/revokers')
  const { recordRevocation } = await import('@/lib/time-bound/server/record-revocation')
  scheduler = async (offsetMs) =>
    createRevocationScheduler({
      store: await getTimeBoundStore(),
      revoke: revokeGrant,
      withClusterLock: (_target, fn) => fn(),
      recordOutcome: recordRevocation,
      logFailure: (_grant, _attempt, error) => failures.push(error),
      now: () => new Date(Date.now() + offsetMs),
    })
})

const read = async () => (await callRoute(awsAuth.GET, legacy)).body
const put = (body: unknown) => callRoute(awsAuth.PUT, legacy, { method: 'PUT', body })
const row = (name: string, groups = ['devs']) => ({ kind: 'role', arn: roleArn(name), username: name, groups })
const arns = async () => (await read()).mapRoles.map((r: any) => r.arn)

describe('time-bound aws-auth rows', () => {
  it('refuses a duration on anything but an added row', async () => {
    const view = await read()
    const refused = await put({
      resourceVersion: view.configMap.resourceVersion,
      change: { op: 'remove', section: 'mapRoles', index: 0, arn: view.mapRoles[0].arn },
      duration: { kind: 'preset', preset: '1h' },
    })
    expect(refused.status).toBe(422)
    expect(refused.body.error.issues[0].path).toEqual(['duration'])
  })

  it('removes exactly the added row when it ends, keeping a row added after it', async () => {
    const before = await arns()
    const added = await put({
      resourceVersion: (await read()).configMap.resourceVersion,
      change: { op: 'add', section: 'mapRoles', mapping: row('orders-s3-reader') },
      duration: { kind: 'preset', preset: '1h' },
    })
    expect(added.status).toBe(200)
    expect(added.body.expiresAt).toEqual(expect.any(String))
    // Someone else adds a row afterwards: it must survive the revocation.
    const other = await put({
      resourceVersion: added.body.resourceVersion,
      change: { op: 'add', section: 'mapRoles', mapping: row('reports-writer') },
    })
    expect(other.status).toBe(200)

    expect((await (await scheduler(HOUR + 1000)).runOnce()).revoked).toBe(1)
    expect(await arns()).toEqual([...before, roleArn('reports-writer')])
    const { body } = await callRoute(audit.GET, {}, { query: '?action=time-bound-grant.revoke' })
    expect(body.events).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ name: 'system' }),
        target: roleArn('orders-s3-reader'),
        message: expect.stringMatching(
          /expired: removed the kube-system\/aws-auth mapRoles row of .*orders-s3-reader\.$/,
        ),
      }),
    ])
  })

  it('leaves a row changed outside the console in place and records the drift', async () => {
    const added = await put({
      resourceVersion: (await read()).configMap.resourceVersion,
      change: { op: 'add', section: 'mapRoles', mapping: row('billing-irsa') },
      duration: { kind: 'preset', preset: '1h' },
    })
    expect(added.status).toBe(200)
    const view = await read()
    const index = view.mapRoles.findIndex((r: any) => r.arn === roleArn('billing-irsa'))
    const changed = await put({
      resourceVersion: view.configMap.resourceVersion,
      change: {
        op: 'update',
        section: 'mapRoles',
        index,
        arn: roleArn('billing-irsa'),
        mapping: row('billing-irsa', ['ops']),
      },
    })
    expect(changed.status).toBe(200)
    await (await scheduler(HOUR + 1000)).runOnce()
    expect(await arns()).toContain(roleArn('billing-irsa'))
    const { body } = await callRoute(audit.GET, {}, { query: '?action=time-bound-grant.revoke' })
    expect(body.events[0].message).toMatch(
      /removed nothing\. Changed outside the console: the aws-auth mapping was changed/,
    )
    expect(failures).toEqual([])
  })
})
