// The real kubectl (its dispatcher picks 1.27–1.33 from our /version) against the sandbox API over HTTPS with the
// sandbox CA in certificate-authority-data and static bearer tokens.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'

import { PROD_WEB, startTestKubeApi, type TestKubeApi } from '@/sandbox/kube/testing/start-test-kube-api'

const run = promisify(execFile)
let t: TestKubeApi
let dir: string
const USERS = ['admin', 'teamb', 'nobody'] as const

beforeAll(async () => {
  t = await startTestKubeApi({
    admin: { user: { username: 'admin', groups: ['system:masters'] } },
    teamb: { user: { username: 'team-b:bob', groups: ['team-b-devs'] } },
    nobody: { user: { username: 'nobody', groups: [] } },
  })
  dir = mkdtempSync(path.join(tmpdir(), 'kubectl-test-'))
  const cluster = 'arn:aws:eks:us-west-2:111122223333:cluster/prod-web'
  writeFileSync(
    path.join(dir, 'config'),
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: cluster,
          cluster: {
            server: t.api.endpointFor(PROD_WEB),
            'certificate-authority-data': Buffer.from(t.api.caCertPem).toString('base64'),
          },
        },
      ],
      users: USERS.map((u) => ({ name: u, user: { token: u } })),
      contexts: USERS.map((u) => ({ name: u, context: { cluster, user: u } })),
      'current-context': 'admin',
    }),
  )
})
afterAll(async () => {
  await t?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

async function kubectl(
  user: (typeof USERS)[number],
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, KUBECONFIG: path.join(dir, 'config'), HOME: dir }
  try {
    const { stdout, stderr } = await run(
      'kubectl',
      ['--context', user, '--cache-dir', path.join(dir, 'cache'), ...args],
      { env, timeout: 25_000 },
    )
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' }
  }
}

describe('kubectl', () => {
  it('reports the server version it dispatched on', async () => {
    const r = await kubectl('admin', 'version', '-o', 'json')
    expect(r.code).toBe(0)
    expect((JSON.parse(r.stdout) as { serverVersion: { gitVersion: string } }).serverVersion.gitVersion).toBe(
      'v1.33.5-eks-3cfe0ce',
    )
  })

  it('get pods -A prints server-side table columns with pod states', async () => {
    const r = await kubectl('admin', 'get', 'pods', '-A')
    expect(r.code).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/)
    expect(r.stdout).toMatch(/billing\s+billing-api-\S+\s+0\/1\s+CrashLoopBackOff\s+42 /)
    for (const status of ['ImagePullBackOff', 'Pending', 'Completed', 'Evicted', 'Running'])
      expect(r.stdout).toContain(status)
    expect(lines.length - 1).toBe(t.store.getCluster(PROD_WEB)?.collection('/pods').size)
  })

  it('get nodes with a label selector', async () => {
    const r = await kubectl('admin', 'get', 'nodes', '-l', 'eks.amazonaws.com/nodegroup=spot-batch', '-o', 'name')
    expect(r.code).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(2)
  })

  it.each([
    ['teamb', ['list', 'pods', '-n', 'team-b'], 0, 'yes'],
    ['teamb', ['list', 'pods', '-n', 'kube-system'], 1, 'no'],
    ['nobody', ['get', 'nodes'], 1, 'no'],
    ['admin', ['delete', 'nodes'], 0, 'yes'],
  ] as const)('auth can-i as %s %j', async (user, args, code, answer) => {
    const r = await kubectl(user, 'auth', 'can-i', ...args)
    expect(r.code).toBe(code)
    expect(r.stdout.trim()).toBe(answer)
  })

  it('auth whoami', async () => {
    const r = await kubectl('teamb', 'auth', 'whoami', '-o', 'json')
    expect(r.code).toBe(0)
    expect((JSON.parse(r.stdout) as { status: { userInfo: unknown } }).status.userInfo).toEqual({
      username: 'team-b:bob',
      groups: ['team-b-devs', 'system:authenticated'],
    })
  })

  it('create (protobuf bodies), label, patch and delete through kubectl', async () => {
    expect((await kubectl('admin', 'create', 'configmap', 'kc-demo', '-n', 'team-a', '--from-literal=a=1')).code).toBe(
      0,
    )
    expect((await kubectl('admin', 'label', 'configmap', 'kc-demo', '-n', 'team-a', 'tier=web')).code).toBe(0)
    expect(
      (await kubectl('admin', 'patch', 'configmap', 'kc-demo', '-n', 'team-a', '-p', '{"data":{"b":"2"}}')).code,
    ).toBe(0)
    const got = await kubectl('admin', 'get', 'configmap', 'kc-demo', '-n', 'team-a', '-o', 'json')
    const cm = JSON.parse(got.stdout) as { data: Record<string, string>; metadata: { labels: Record<string, string> } }
    expect(cm.data).toEqual({ a: '1', b: '2' })
    expect(cm.metadata.labels).toEqual({ tier: 'web' })
    const rb = await kubectl(
      'admin',
      'create',
      'rolebinding',
      'kc-view',
      '-n',
      'team-a',
      '--clusterrole=view',
      '--group=auditors',
      '-o',
      'json',
    )
    expect(rb.code).toBe(0)
    expect(JSON.parse(rb.stdout)).toMatchObject({
      roleRef: { kind: 'ClusterRole', name: 'view' },
      subjects: [{ kind: 'Group', name: 'auditors', apiGroup: 'rbac.authorization.k8s.io' }],
    })
    expect((await kubectl('admin', 'delete', 'configmap', 'kc-demo', '-n', 'team-a')).code).toBe(0)
    const gone = await kubectl('admin', 'get', 'configmap', 'kc-demo', '-n', 'team-a')
    expect(gone.code).toBe(1)
    expect(gone.stderr).toContain('Error from server (NotFound): configmaps "kc-demo" not found')
  })

  it('apply -f twice (create, then a three-way patch) with server-side field validation', async () => {
    const file = path.join(dir, 'applied.yaml')
    const write = (value: string) =>
      writeFileSync(
        file,
        stringify({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'applied', namespace: 'team-b' },
          data: { k: value },
        }),
      )
    write('v1')
    expect((await kubectl('admin', 'apply', '-f', file)).stdout).toContain('configmap/applied created')
    write('v2')
    expect((await kubectl('admin', 'apply', '-f', file)).stdout).toContain('configmap/applied configured')
    const got = JSON.parse(
      (await kubectl('admin', 'get', 'configmap', 'applied', '-n', 'team-b', '-o', 'json')).stdout,
    ) as { data: Record<string, string> }
    expect(got.data).toEqual({ k: 'v2' })
  })

  it('impersonation: allowed for system:masters, checked with the impersonate verb for others', async () => {
    const as = await kubectl('admin', 'auth', 'whoami', '-o', 'json', '--as', 'jane', '--as-group', 'team-a-devs')
    expect((JSON.parse(as.stdout) as { status: { userInfo: unknown } }).status.userInfo).toEqual({
      username: 'jane',
      groups: ['team-a-devs', 'system:authenticated'],
    })
    expect(
      (
        await kubectl(
          'admin',
          'auth',
          'can-i',
          'create',
          'configmaps',
          '-n',
          'team-a',
          '--as',
          'jane',
          '--as-group',
          'team-a-devs',
        )
      ).stdout.trim(),
    ).toBe('yes')
    const denied = await kubectl('nobody', 'get', 'pods', '--as', 'admin')
    expect(denied.code).toBe(1)
    expect(denied.stderr).toContain(
      'users "admin" is forbidden: User "nobody" cannot impersonate resource "users" in API group "" at the cluster scope',
    )
  })

  it('Forbidden: exit code 1 and the kube-apiserver message', async () => {
    const r = await kubectl('nobody', 'get', 'pods', '-n', 'kube-system')
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      'Error from server (Forbidden): pods is forbidden: User "nobody" cannot list resource "pods" in API group "" in the namespace "kube-system"',
    )
  })
})
