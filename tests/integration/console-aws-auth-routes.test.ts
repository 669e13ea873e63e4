/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
// The aws-auth routes, in-process against a sandbox: the page's read (meanings, shadowing, problems), the preview,
// the lockout guard, create-when-missing, audit with before/after, and 50 concurrent edits — each applied or 409,
// none lost.
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { callRoute, getConsoleSession, roleArn, sessionFor, setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

const base = '@/app/api/clusters/[region]/[cluster]'
setUpConsoleAccessSandbox({ role: 'admin' })
let awsAuth: typeof import('@/app/api/clusters/[region]/[cluster]/aws-auth/route')
let preview: typeof import('@/app/api/clusters/[region]/[cluster]/aws-auth/preview/route')
let audit: typeof import('@/app/api/audit/route')

const legacy = { region: 'us-west-2', cluster: 'legacy-batch' }
const prod = { region: 'us-west-2', cluster: 'prod-web' }
const ml = { region: 'us-west-2', cluster: 'ml-auto' }
const mapping = (name: string) => ({
  kind: 'role',
  arn: roleArn(name),
  username: `${name}:{{SessionName}}`,
  groups: ['devs'],
})

beforeAll(async () => {
  awsAuth = await import(`${base}/aws-auth/route`)
  preview = await import(`${base}/aws-auth/preview/route`)
  audit = await import('@/app/api/audit/route')
}, 60_000)

const read = async (cluster = legacy) => {
  const { status, body } = await callRoute(awsAuth.GET, cluster)
  expect(status).toBe(200)
  return body
}
const put = (body: unknown, cluster = legacy) => callRoute(awsAuth.PUT, cluster, { method: 'PUT', body })

describe('GET aws-auth', () => {
  it('shows legacy-batch rows with their meaning and problems, readable by a viewer', async () => {
    getConsoleSession.mockResolvedValue(sessionFor('viewer'))
    const view = await read()
    expect(view.readsAwsAuth).toBe(true)
    expect(view.cluster.authenticationMode).toBe('CONFIG_MAP')
    expect(view.mapRoles.map((r: any) => r.meaning)).toEqual([
      'node',
      'admin',
      'fargate',
      'rbac-groups',
      'identity-only',
      'rbac-groups',
    ])
    expect(view.mapRoles[4]).toMatchObject({ username: '{{SessionName}}', problems: [] })
    expect(view.mapAccounts).toEqual([{ index: 0, account: '444455556666', problems: [] }])
    expect(view.configMap.yaml).toContain('name: aws-auth')
    expect(view.configMap.yaml).not.toContain('managedFields')
  })

  it('marks prod-web rows that an access entry shadows (API_AND_CONFIG_MAP)', async () => {
    const view = await read(prod)
    const shadowed = view.mapRoles.filter((r: any) => r.shadowedByAccessEntry).map((r: any) => r.arn)
    expect(shadowed).toEqual(expect.arrayContaining([roleArn('TeamBDeveloper'), roleArn('PlatformAdmin')]))
    expect(view.mapRoles.find((r: any) => r.arn.endsWith('retired-ci-deployer')).shadowedByAccessEntry).toBe(false)
  })

  it('says an API cluster ignores aws-auth and answers an empty state when the ConfigMap is missing', async () => {
    const view = await read(ml)
    expect(view).toMatchObject({ readsAwsAuth: false, configMap: null, mapRoles: [], mapUsers: [], mapAccounts: [] })
  })
})

describe('editing', () => {
  it('refuses viewers and editors (403)', async () => {
    for (const role of ['viewer', 'editor'] as const) {
      getConsoleSession.mockResolvedValue(sessionFor(role))
      const { status } = await put({
        resourceVersion: '1',
        change: { op: 'add', section: 'mapRoles', mapping: mapping('X') },
      })
      expect(status).toBe(403)
    }
  })

  it('previews a change as a diff with the CLI equivalent, without writing', async () => {
    const view = await read()
    const { status, body } = await callRoute(preview.POST, legacy, {
      method: 'POST',
      body: {
        resourceVersion: view.configMap.resourceVersion,
        change: { op: 'add', section: 'mapRoles', mapping: mapping('Preview') },
      },
    })
    expect(status).toBe(200)
    expect(body.before).not.toContain('role/Preview')
    expect(body.after).toContain(`rolearn: ${roleArn('Preview')}`)
    expect(body.commands.eksctl).toBe(
      [
        'eksctl create iamidentitymapping',
        '--cluster legacy-batch',
        '--region us-west-2',
        `--arn ${roleArn('Preview')}`,
        "--username 'Preview:{{SessionName}}'",
        '--group devs',
      ].join(' \\\n  '),
    )
    expect(body.commands.kubectl).toMatch(/^kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: ConfigMap/)
    expect(body.guard).toEqual({ risks: [], satisfied: true })
    expect((await read()).configMap.resourceVersion).toBe(view.configMap.resourceVersion)
  })

  it('rejects a pathed role ARN, a duplicate and a stale resourceVersion', async () => {
    const view = await read()
    const rv = view.configMap.resourceVersion
    const pathed = await put({
      resourceVersion: rv,
      change: {
        op: 'add',
        section: 'mapRoles',
        mapping: { ...mapping('X'), arn: 'arn:aws:iam::111122223333:role/teams/X' },
      },
    })
    expect(pathed.status).toBe(422)
    expect(pathed.body.error.issues[0]).toMatchObject({
      path: ['change', 'mapping', 'arn'],
      message: expect.stringMatching(/Remove the path: use arn:aws:iam::111122223333:role\/X/),
    })
    const duplicate = await put({
      resourceVersion: rv,
      change: { op: 'add', section: 'mapRoles', mapping: { ...mapping('x'), arn: roleArn('PLATFORMADMIN') } },
    })
    expect(duplicate.status).toBe(422)
    expect(duplicate.body.error.issues[0].path).toEqual(['change', 'mapping', 'arn'])
    const stale = await put({ resourceVersion: '1', change: { op: 'add', section: 'mapRoles', mapping: mapping('X') } })
    expect(stale.status).toBe(409)
    expect(stale.body.error.detail).toMatchObject({ resourceVersion: rv, sentResourceVersion: '1' })
  })

  it('guards the last system:masters mapping and the Fargate role until the cluster name is typed; audits before/after', async () => {
    const view = await read()
    const admin = view.mapRoles.find((r: any) => r.meaning === 'admin')
    const change = { op: 'remove', section: 'mapRoles', index: admin.index, arn: admin.arn }
    const refused = await put({ resourceVersion: view.configMap.resourceVersion, change })
    expect(refused.status).toBe(422)
    expect(refused.body.error.issues[0].path).toEqual(['confirmClusterName'])
    expect(refused.body.error.message).toMatch(/last system:masters mapping/)
    const wrong = await put({ resourceVersion: view.configMap.resourceVersion, change, confirmClusterName: 'legacy' })
    expect(wrong.status).toBe(422)
    const done = await put({
      resourceVersion: view.configMap.resourceVersion,
      change,
      confirmClusterName: 'legacy-batch',
    })
    expect(done.status).toBe(200)
    expect(done.body.after).not.toContain('system:masters')
    const fargate = (await read()).mapRoles.find((r: any) => r.meaning === 'fargate')
    const { body } = await callRoute(preview.POST, legacy, {
      method: 'POST',
      body: {
        resourceVersion: done.body.resourceVersion,
        change: { op: 'remove', section: 'mapRoles', index: fargate.index, arn: fargate.arn },
      },
    })
    expect(body.guard).toMatchObject({
      satisfied: false,
      risks: [{ kind: 'workload', message: expect.stringMatching(/Fargate pods/) }],
    })
    const events = await callRoute(audit.GET, {}, { query: '?action=aws-auth.update' })
    const event = events.body.events.find((e: any) => e.action === 'aws-auth.update' && e.result === 'succeeded')
    expect(event.before.data.mapRoles).toContain('system:masters')
    expect(event.after.data.mapRoles).not.toContain('system:masters')
  })

  it('creates the ConfigMap when it does not exist (resourceVersion null)', async () => {
    const { status, body } = await put(
      { resourceVersion: null, change: { op: 'add-account', account: '444455556666' } },
      ml,
    )
    expect(status).toBe(200)
    expect(body.creates).toBe(true)
    expect((await read(ml)).mapAccounts).toEqual([{ index: 0, account: '444455556666', problems: [] }])
  })
})

describe('50 concurrent edits', () => {
  it('each is applied or answered 409, and no applied mapping is lost', async () => {
    const start = await read()
    const rv = start.configMap.resourceVersion
    const names = Array.from({ length: 50 }, (_, i) => `concurrent-${i}`)
    const results = await Promise.all(
      names.map((name) =>
        put({ resourceVersion: rv, change: { op: 'add', section: 'mapRoles', mapping: mapping(name) } }),
      ),
    )
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true)
    const applied = names.filter((_, i) => results[i]!.status === 200)
    expect(applied.length).toBe(1)
    // The losers re-apply on top of the new version, one after another, as the UI offers.
    for (const name of names.filter((n) => !applied.includes(n))) {
      const now = await read()
      const again = await put({
        resourceVersion: now.configMap.resourceVersion,
        change: { op: 'add', section: 'mapRoles', mapping: mapping(name) },
      })
      expect(again.status).toBe(200)
    }
    const end = await read()
    const arns = end.mapRoles.map((r: any) => r.arn)
    expect(arns).toEqual([
      ...start.mapRoles.map((r: any) => r.arn),
      ...applied.map(roleArn),
      ...names.filter((n) => !applied.includes(n)).map(roleArn),
    ])
  }, 120_000)

  it('racing writers that each re-read and retry all land', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `racer-${i}`)
    const outcomes: number[] = []
    await Promise.all(
      names.map(async (name) => {
        for (;;) {
          const now = await read()
          const r = await put({
            resourceVersion: now.configMap.resourceVersion,
            change: { op: 'add', section: 'mapRoles', mapping: mapping(name) },
          })
          outcomes.push(r.status)
          if (r.status === 200) return
          expect(r.status).toBe(409)
        }
      }),
    )
    const arns = new Set((await read()).mapRoles.map((r: any) => r.arn))
    for (const name of names) expect(arns.has(roleArn(name))).toBe(true)
    expect(outcomes.filter((s) => s === 200)).toHaveLength(10)
  }, 120_000)
})
