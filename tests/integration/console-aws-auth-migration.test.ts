/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
// The aws-auth migration routes, in-process against a sandbox (real SDK, real Kubernetes client) on legacy-batch
// (CONFIG_MAP): the plan with every rule's real case, the refusal to switch to API while blockers remain, enabling
// access entries (waited on through DescribeUpdate), creating the entries twice (the rerun finds them), the per-
// principal comparison, the audit trail, and the final switch to API with aws-auth deleted.
import { beforeAll, describe, expect, it, vi } from 'vitest'

import {
  ACCOUNT,
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

const base = '@/app/api/clusters/[region]/[cluster]'
setUpConsoleAccessSandbox({ role: 'admin' })
let migration: typeof import('@/app/api/clusters/[region]/[cluster]/aws-auth/migration/route')
let comparison: typeof import('@/app/api/clusters/[region]/[cluster]/aws-auth/migration/comparison/route')
let awsAuth: typeof import('@/app/api/clusters/[region]/[cluster]/aws-auth/route')
let audit: typeof import('@/app/api/audit/route')

const legacy = { region: 'us-west-2', cluster: 'legacy-batch' }

beforeAll(async () => {
  migration = await import(`${base}/aws-auth/migration/route`)
  comparison = await import(`${base}/aws-auth/migration/comparison/route`)
  awsAuth = await import(`${base}/aws-auth/route`)
  audit = await import('@/app/api/audit/route')
}, 60_000)

const plan = async () => {
  const { status, body } = await callRoute(migration.GET, legacy)
  expect(status).toBe(200)
  return body
}
const step = (body: unknown) => callRoute(migration.POST, legacy, { method: 'POST', body })
const byId = (p: any, id: string) => p.plan.items.find((i: any) => i.id === id)
const entriesOf = (p: any) => p.plan.items.filter((i: any) => i.entry).map((i: any) => ({ id: i.id, ...i.entry }))

describe('aws-auth migration on legacy-batch', () => {
  it('is admin-only', async () => {
    getConsoleSession.mockResolvedValue(sessionFor('editor'))
    expect((await callRoute(migration.GET, legacy)).status).toBe(403)
    expect((await step({ step: 'enable-access-entries' })).status).toBe(403)
    getConsoleSession.mockResolvedValue(sessionFor('admin'))
  })

  it('plans each mapping by the rules, with IAM paths restored and blockers named', async () => {
    const p = await plan()
    expect(p.cluster.authenticationMode).toBe('CONFIG_MAP')
    expect(byId(p, 'mapRoles[0]').entry).toMatchObject({ type: 'EC2_LINUX' })
    expect(byId(p, 'mapRoles[1]').entry).toEqual({
      principalArn: roleArn('PlatformAdmin'),
      type: 'STANDARD',
      username: 'admin:{{SessionName}}',
      kubernetesGroups: [],
      policyArns: [policyArn('AmazonEKSClusterAdminPolicy')],
    })
    expect(byId(p, 'mapRoles[2]').entry).toMatchObject({ type: 'FARGATE_LINUX' })
    expect(byId(p, 'mapRoles[3]').entry.principalArn).toMatch(
      new RegExp(`^arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso\\.amazonaws\\.com/.+/AWSReservedSSO_`),
    )
    expect(byId(p, 'mapRoles[4]').entry.username).toBe('ReadOnlyAuditor:{{SessionName}}')
    expect(byId(p, 'mapRoles[4]').notes[0]).toContain('EKS would refuse the username {{SessionName}}')
    expect(byId(p, 'mapRoles[5]')).toMatchObject({
      action: 'blocked',
      reason: expect.stringContaining('Delete the mapping or create the principal'),
    })
    expect(byId(p, 'mapUsers[0]').entry).toMatchObject({
      principalArn: userArn('alice'),
      username: 'alice',
      kubernetesGroups: ['team-a-devs'],
    })
    expect(byId(p, 'mapAccounts[0]')).toMatchObject({ action: 'skip', blocksApi: true })
    expect(p.plan.apiBlockers).toHaveLength(2)
    expect(p.commands.API.eksctl).toContain('migrate-to-access-entry')
    expect(p.commands.API.aws.at(-1)).toBe('kubectl delete configmap aws-auth --namespace kube-system')
  })

  it('refuses to finish on CONFIG_MAP and to switch to API while blockers remain', async () => {
    expect((await step({ step: 'finish', targetMode: 'API' })).status).toBe(409)
    // The console (user/admin) created legacy-batch: its implicit admin ends with CONFIG_MAP, so enabling is refused
    // until it is mapped — then the plan migrates it too.
    const p = await plan()
    expect(p.consolePrincipal).toMatchObject({ arn: userArn('admin'), keepsAccess: false })
    const refusedLockout = await step({ step: 'enable-access-entries' })
    expect(refusedLockout.status).toBe(409)
    expect(refusedLockout.body.error.message).toContain('lock the console out')
    const view = (await callRoute(awsAuth.GET, legacy)).body
    const mapped = await callRoute(awsAuth.PUT, legacy, {
      method: 'PUT',
      body: {
        resourceVersion: view.configMap.resourceVersion,
        change: {
          op: 'add',
          section: 'mapUsers',
          mapping: { kind: 'user', arn: userArn('admin'), username: 'console-admin', groups: ['system:masters'] },
        },
      },
    })
    expect(mapped.status).toBe(200)
    expect((await plan()).consolePrincipal.keepsAccess).toBe(true)
    const enabled = await step({ step: 'enable-access-entries' })
    expect(enabled).toMatchObject({ status: 200, body: { authenticationMode: 'API_AND_CONFIG_MAP' } })
    expect(enabled.body.updateId).toBeTruthy()
    const refused = await step({ step: 'finish', targetMode: 'API' })
    expect(refused.status).toBe(422)
    expect(JSON.stringify(refused.body)).toContain('mapAccounts[0]')
  }, 30_000)

  it('compares access before and after for each principal it will migrate', async () => {
    const { status, body } = await callRoute(comparison.GET, legacy)
    expect(status).toBe(200)
    const of = (id: string) => body.comparisons.find((c: any) => c.id === id)
    // system:masters before, AmazonEKSClusterAdminPolicy after: every probe allowed on both sides.
    expect(of('mapRoles[1]')).toMatchObject({ verdict: 'same' })
    expect(of('mapRoles[1]').probes.every((p: any) => p.before && p.after)).toBe(true)
    expect(of('mapUsers[0]')).toMatchObject({ verdict: 'same' })
    expect(of('mapRoles[0]')).toMatchObject({ verdict: 'eks-managed', probes: [] })
    expect(body.comparisons).toHaveLength(7)
  })

  it('creates the entries, and a rerun finds them (idempotent, resumable)', async () => {
    const entries = entriesOf(await plan())
    expect(entries).toHaveLength(7)
    const first = await step({ step: 'create-entries', entries })
    expect(first.status).toBe(200)
    expect(first.body.results.map((r: any) => r.status)).toEqual(Array(7).fill('created'))
    const again = await step({ step: 'create-entries', entries })
    expect(again.body.results.map((r: any) => r.status)).toEqual(Array(7).fill('exists'))
    const after = await plan()
    expect(after.plan.counts.create).toBe(0)
    expect(byId(after, 'mapUsers[0]').reason).toContain('already has an access entry')
  })

  it('audits every entry it created', async () => {
    const { body } = await callRoute(audit.GET, {}, { query: '?action=aws-auth.migrate-entry' })
    const targets = body.events.map((e: any) => e.target)
    expect(targets).toEqual(expect.arrayContaining([roleArn('PlatformAdmin'), userArn('alice')]))
  })

  it('switches to API and deletes aws-auth once the blockers are gone', async () => {
    const view = (await callRoute(awsAuth.GET, legacy)).body
    const deleted = view.mapRoles[5]
    let put = await callRoute(awsAuth.PUT, legacy, {
      method: 'PUT',
      body: {
        resourceVersion: view.configMap.resourceVersion,
        change: { op: 'remove', section: 'mapRoles', index: 5, arn: deleted.arn },
      },
    })
    expect(put.status).toBe(200)
    put = await callRoute(awsAuth.PUT, legacy, {
      method: 'PUT',
      body: {
        resourceVersion: put.body.resourceVersion,
        change: { op: 'remove-account', index: 0, account: '444455556666' },
      },
    })
    expect(put.status).toBe(200)
    const done = await step({ step: 'finish', targetMode: 'API', deleteAwsAuth: true })
    expect(done).toMatchObject({ status: 200, body: { authenticationMode: 'API', awsAuthDeleted: true } })
    const gone = (await callRoute(awsAuth.GET, legacy)).body
    expect(gone).toMatchObject({ readsAwsAuth: false, configMap: null })
  }, 30_000)

  it('resolves many principals with one IAM listing: paths restored, missing ones named', async () => {
    const { resolveAwsAuthPrincipals } = await import('@/lib/aws-auth/server/migration-plan-service')
    const ghosts = Array.from({ length: 30 }, (_, i) => ({ arn: roleArn(`ghost-${i}`), kind: 'role' as const }))
    const sso = { arn: roleArn('AWSReservedSSO_DevOps_0a1b2c3d4e5f6789'), kind: 'role' as const }
    const resolved = await resolveAwsAuthPrincipals('us-west-2', [
      ...ghosts,
      sso,
      { arn: userArn('alice'), kind: 'user' },
    ])
    expect(resolved.get(ghosts[0]!.arn.toLowerCase())).toEqual({ status: 'missing' })
    expect(resolved.get(sso.arn.toLowerCase())).toMatchObject({
      status: 'found',
      arn: expect.stringContaining(':role/aws-reserved/sso.amazonaws.com/'),
    })
    expect(resolved.get(userArn('alice'))).toEqual({ status: 'found', arn: userArn('alice') })
  })
})
