/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
// Time-bound grants end to end in-process: the grant and associate routes against a real sandbox, the revocation
// scheduler (real revoker, real audit store) with an injected clock, a restart, drift and EKS throttling.
import { AssociateAccessPolicyCommand, DescribeAccessEntryCommand, EKSClient } from '@aws-sdk/client-eks'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { callRoute, policyArn, roleArn, setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

const sandbox = setUpConsoleAccessSandbox({ role: 'editor' })
let entries: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
let policies: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/policies/route')
let audit: typeof import('@/app/api/audit/route')
let schedulerLib: typeof import('@/lib/time-bound/server/revocation-scheduler')
let deps: Omit<import('@/lib/time-bound/server/revocation-scheduler').SchedulerDeps, 'store'>
let storeInstance: typeof import('@/lib/time-bound/server/time-bound-store-instance')

const prod = { region: 'us-west-2', cluster: 'prod-web' }
const view = policyArn('AmazonEKSViewPolicy')
const HOUR = 3600_000
const failures: string[] = []

beforeAll(async () => {
  entries = await import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
  policies = await import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/policies/route')
  audit = await import('@/app/api/audit/route')
  schedulerLib = await import('@/lib/time-bound/server/revocation-scheduler')
  storeInstance = await import('@/lib/time-bound/server/time-bound-store-instance')
  const { revokeGrant } = await import('@/lib/time-bound/server/revokers')
  const { recordRevocation } = await import('@/lib/time-bound/server/record-revocation')
  const { withClusterWriteLock } = await import('@/lib/access/server/cluster-write-lock')
  deps = {
    revoke: revokeGrant,
    withClusterLock: withClusterWriteLock,
    recordOutcome: recordRevocation,
    logFailure: (grant, attempt) => failures.push(`${grant.id}#${attempt}`),
  }
})

/** A scheduler on the console's store whose clock reads `offsetMs` after the real now. */
async function scheduler(offsetMs: number, owner?: string) {
  const store = await storeInstance.getTimeBoundStore()
  return schedulerLib.createRevocationScheduler({ ...deps, store, now: () => new Date(Date.now() + offsetMs), owner })
}

const eks = () => new EKSClient({ ...sandbox().admin, maxAttempts: 1 })
async function describeEntry(principalArn: string) {
  const { ListAssociatedAccessPoliciesCommand } = await import('@aws-sdk/client-eks')
  const client = eks()
  const entry = await client
    .send(new DescribeAccessEntryCommand({ clusterName: prod.cluster, principalArn }))
    .then((r) => r.accessEntry)
    .catch((error: { name?: string }) => (error.name === 'ResourceNotFoundException' ? null : Promise.reject(error)))
  if (!entry) return null
  const listed = await client.send(new ListAssociatedAccessPoliciesCommand({ clusterName: prod.cluster, principalArn }))
  return {
    groups: entry.kubernetesGroups ?? [],
    policies: (listed.associatedAccessPolicies ?? []).map((p) => p.policyArn?.split('/').pop()).sort(),
  }
}

async function revocations(principalArn: string) {
  const { body } = await callRoute(audit.GET, {}, { query: '?action=time-bound-grant.revoke&limit=100' })
  return body.events.filter((e: any) => e.target === principalArn)
}

const grantFor = (name: string, namespaces: string[]) =>
  callRoute(entries.POST, prod, {
    method: 'POST',
    body: {
      principalArn: roleArn(name),
      accessPolicies: [{ policyArn: view, accessScope: { type: 'namespace', namespaces } }],
      duration: { kind: 'preset', preset: '1h' },
    },
  })

describe('time-bound grants', () => {
  it('refuses a duration over the cluster maximum on the duration field, writing nothing', async () => {
    const answer = await callRoute(entries.POST, prod, {
      method: 'POST',
      body: { principalArn: roleArn('billing-irsa'), duration: { kind: 'preset', preset: '1w' } },
    })
    expect(answer.status).toBe(201)
    const longer = new Date(Date.now() + 8 * 24 * HOUR).toISOString()
    const refused = await callRoute(entries.POST, prod, {
      method: 'POST',
      body: { principalArn: roleArn('reports-writer'), duration: { kind: 'until', endsAt: longer } },
    })
    expect(refused.status).toBe(422)
    expect(refused.body.error.issues).toEqual([
      { path: ['duration'], message: expect.stringMatching(/at most 7 days/) },
    ])
    expect(await describeEntry(roleArn('reports-writer'))).toBeNull()
  })

  it('revokes a new entry when it expires (not before), as the system, naming the grant', async () => {
    const principalArn = roleArn('orders-s3-reader')
    const granted = await grantFor('orders-s3-reader', ['orders'])
    expect(granted.status).toBe(201)
    expect(Date.parse(granted.body.expiresAt) - Date.now()).toBeGreaterThan(HOUR - 60_000)
    expect((await (await scheduler(HOUR - 60_000)).runOnce()).revoked).toBe(0)
    expect(await describeEntry(principalArn)).toEqual({ groups: [], policies: ['AmazonEKSViewPolicy'] })

    const round = await (await scheduler(HOUR + 1000)).runOnce()
    expect(round).toMatchObject({ revoked: expect.any(Number), failed: 0 })
    expect(await describeEntry(principalArn)).toBeNull()
    const events = await revocations(principalArn)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      actor: { name: 'system' },
      result: 'succeeded',
      message: expect.stringMatching(
        /^Time-bound grant [0-9a-f-]{36} \(made by editor, .*expired: removed the access entry\.$/,
      ),
    })
  })

  it('takes back only the added association from an entry that existed before', async () => {
    const principalArn = roleArn('TeamBDeveloper')
    const before = await describeEntry(principalArn)
    const added = await callRoute(
      policies.POST,
      { ...prod, principal: principalArn },
      {
        method: 'POST',
        headers: { 'if-match': '*' },
        body: {
          policyArn: view,
          accessScope: { type: 'namespace', namespaces: ['team-b'] },
          duration: { kind: 'preset', preset: '4h' },
        },
      },
    )
    expect(added.status).toBe(200)
    expect((await describeEntry(principalArn))?.policies).toEqual(['AmazonEKSViewPolicy'])
    await (await scheduler(4 * HOUR + 1000)).runOnce()
    expect(await describeEntry(principalArn)).toEqual(before)
    expect(await revocations(principalArn)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/expired: removed AmazonEKSViewPolicy\.$/) }),
    ])
  })

  it('removes nothing it did not add when the entry changed outside the console, and records the drift', async () => {
    const principalArn = roleArn('legacy-irsa')
    expect((await grantFor('legacy-irsa', ['inventory'])).status).toBe(201)
    // Someone adds a policy with the CLI meanwhile.
    await eks().send(
      new AssociateAccessPolicyCommand({
        clusterName: prod.cluster,
        principalArn,
        policyArn: policyArn('AmazonEKSEditPolicy'),
        accessScope: { type: 'namespace', namespaces: ['inventory'] },
      }),
    )
    await (await scheduler(HOUR + 1000)).runOnce()
    expect(await describeEntry(principalArn)).toEqual({ groups: [], policies: ['AmazonEKSEditPolicy'] })
    const [event] = await revocations(principalArn)
    expect(event.message).toMatch(
      /removed AmazonEKSViewPolicy\. Changed outside the console: policies associated outside the console stay: AmazonEKSEditPolicy\.$/,
    )
  })

  it('still revokes after a restart, including a grant the dead process had claimed', async () => {
    const principalArn = roleArn('MlAutoCustomNodeRole')
    expect((await grantFor('MlAutoCustomNodeRole', ['payments'])).status).toBe(201)
    // The first process claims the grant and dies in the middle of revoking it (its revoke never returns).
    const store = await storeInstance.getTimeBoundStore()
    const dying = schedulerLib.createRevocationScheduler({
      ...deps,
      store,
      revoke: () => new Promise(() => undefined),
      // A dead process's locks die with it (in-process, or its PostgreSQL connection); this one holds none.
      withClusterLock: (_target, fn) => fn(),
      now: () => new Date(Date.now() + HOUR + 1000),
    })
    // The claim is taken before runOnce first yields (SQLite answers synchronously).
    void dying.runOnce()
    // Restart: the store is closed and opened again from the same file; the new scheduler runs once the claim lapsed.
    await storeInstance.setTimeBoundStore(null)
    expect((await (await scheduler(HOUR + 2000)).runOnce()).revoked).toBe(0)
    await (await scheduler(HOUR + 11 * 60_000)).runOnce()
    expect(await describeEntry(principalArn)).toBeNull()
    expect(await revocations(principalArn)).toHaveLength(1)
  })

  it('retries a throttled revocation with backoff and never loses it', async () => {
    const { consoleMetrics } = await import('@/lib/metrics/server/metrics-registry')
    const revocationCount = async (outcome: string) =>
      (await consoleMetrics().revocations.get()).values.find((v) => v.labels.outcome === outcome)?.value ?? 0
    const lag = async () => {
      const values = (await consoleMetrics().revocationLagSeconds.get()).values
      const pick = (name: string) => values.find((v) => v.metricName === name)?.value ?? 0
      return {
        count: pick('console_time_bound_revocation_lag_seconds_count'),
        sum: pick('console_time_bound_revocation_lag_seconds_sum'),
      }
    }
    const before = {
      failed: await revocationCount('failed'),
      revoked: await revocationCount('revoked'),
      lag: await lag(),
    }
    const principalArn = roleArn('AmazonEKSAutoNodeRole')
    expect((await grantFor('AmazonEKSAutoNodeRole', ['shipping'])).status).toBe(201)
    sandbox().sandbox.faults.replaceRules([{ service: 'eks', operation: 'DeleteAccessEntry', kind: 'throttle' }])
    failures.length = 0
    const first = await (await scheduler(HOUR + 1000)).runOnce()
    expect(first.failed).toBe(1)
    expect(failures).toEqual([expect.stringMatching(/#1$/)])
    expect(await describeEntry(principalArn)).not.toBeNull()
    // Not retried before the backoff, still throttled after it: attempt 2 fails too.
    expect((await (await scheduler(HOUR + 2000)).runOnce()).failed).toBe(0)
    expect((await (await scheduler(HOUR + 7000)).runOnce()).failed).toBe(1)
    sandbox().sandbox.faults.clearRules()
    expect((await (await scheduler(HOUR + 30_000)).runOnce()).revoked).toBe(1)
    expect(await describeEntry(principalArn)).toBeNull()
    expect(await revocations(principalArn)).toHaveLength(1)
    // /api/metrics: two failed attempts, one revocation, about 30 s after the grant ended (the scheduler's lag).
    expect(await revocationCount('failed')).toBe(before.failed + 2)
    expect(await revocationCount('revoked')).toBe(before.revoked + 1)
    const after = await lag()
    expect(after.count).toBe(before.lag.count + 1)
    expect(after.sum - before.lag.sum).toBeGreaterThan(20)
    expect(after.sum - before.lag.sum).toBeLessThan(60)
  }, 60_000)
})
