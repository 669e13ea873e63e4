// Secrets, apps/v1 and batch/v1 kinds through the real kubectl and client-node: stored, listed (tables), watched,
// authorized (EKS access policies: View has no secrets) and deleted as a collection. They never run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ApiException, AppsV1Api, Watch } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'

import { PROD_WEB, startTestKubeApi, type TestKubeApi } from '@/sandbox/kube/testing/start-test-kube-api'
import { runKubectlAs, writeTokenKubeconfig } from '@/sandbox/kube/testing/token-kubectl'

const USERS = ['admin', 'viewer', 'ci'] as const
let t: TestKubeApi
let dir: string

beforeAll(async () => {
  t = await startTestKubeApi({
    admin: { user: { username: 'admin', groups: ['system:masters'] } },
    // The group the seeded ci-secret-reader ClusterRoleBinding names.
    ci: { user: { username: 'ci', groups: ['ci-deployers'] } },
    viewer: {
      user: { username: 'viewer', groups: [] },
      accessPolicies: [
        { policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy', scope: { type: 'cluster' } },
      ],
    },
  })
  // Namespaces of their own: the demo namespaces hold seeded workloads and Secrets.
  const { core } = t.clientsFor('admin', PROD_WEB)
  for (const name of ['kinds-a', 'kinds-b']) await core.createNamespace({ body: { metadata: { name } } })
  dir = mkdtempSync(path.join(tmpdir(), 'kube-kinds-'))
  writeTokenKubeconfig(dir, { server: t.api.endpointFor(PROD_WEB), caCertPem: t.api.caCertPem }, USERS)
})
afterAll(async () => {
  await t?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const kubectl = (user: (typeof USERS)[number], ...args: string[]) => runKubectlAs(dir, user, ...args)

const MANIFESTS = [
  { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs1', namespace: 'kinds-a' }, spec: { replicas: 2 } },
  { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds1', namespace: 'kinds-a' }, spec: {} },
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'sts1', namespace: 'kinds-a' },
    spec: { replicas: 1 },
  },
]

describe('the seeded demo objects', () => {
  it('lists the Deployments behind the Pods, with the readiness of those Pods', async () => {
    const deploy = await kubectl('admin', 'get', 'deployments', '-n', 'team-a')
    expect(deploy.stderr).toBe('')
    expect(deploy.stdout).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\n/)
    expect(deploy.stdout).toMatch(/^web\s+2\/3\s+3\s+2\s+\d+d$/m)
    expect(deploy.stdout).toMatch(/^api\s+1\/2\s+2\s+1\s+\d+d$/m)
    const owners = await kubectl(
      'admin',
      'get',
      'pods',
      '-n',
      'team-a',
      '-l',
      'app=web',
      '-o',
      'jsonpath={.items[*].metadata.ownerReferences[0].name}',
    )
    const rs = await kubectl(
      'admin',
      'get',
      'rs',
      '-n',
      'team-a',
      '-l',
      'app=web',
      '-o',
      'jsonpath={.items[0].metadata.name}',
    )
    expect(owners.stdout.split(' ')).toEqual([rs.stdout, rs.stdout, rs.stdout])
    const ds = await kubectl('admin', 'get', 'daemonsets', '-n', 'kube-system', '-o', 'name')
    expect(ds.stdout.trim().split('\n')).toEqual([
      'daemonset.apps/aws-node',
      'daemonset.apps/eks-pod-identity-agent',
      'daemonset.apps/kube-proxy',
    ])
    const job = await kubectl(
      'admin',
      'get',
      'job',
      'reports-job',
      '-n',
      'reports',
      '-o',
      'jsonpath={.status.succeeded}/{.status.failed}',
    )
    expect(job.stdout).toBe('1/1')
  })

  it('holds Secrets that a secret reader can read and View cannot', async () => {
    const all = await kubectl('admin', 'get', 'secrets', '-A', '-o', 'name')
    expect(all.stdout.trim().split('\n')).toEqual(
      expect.arrayContaining(['secret/web-tls', 'secret/regcred', 'secret/orders-db', 'secret/legacy-worker-token']),
    )
    const tls = await kubectl('ci', 'get', 'secret', 'web-tls', '-n', 'team-a', '-o', 'jsonpath={.type}')
    expect(tls.stderr).toBe('')
    expect(tls.stdout).toBe('kubernetes.io/tls')
    const denied = await kubectl('viewer', 'get', 'secret', 'orders-db', '-n', 'orders')
    expect(denied.stderr).toContain('secrets "orders-db" is forbidden: User "viewer" cannot get resource "secrets"')
  })
})

describe('workload kinds and secrets', () => {
  it('kubectl create secret generic stores base64 data', async () => {
    const r = await kubectl('admin', 'create', 'secret', 'generic', 's1', '--from-literal=k=v', '-n', 'kinds-a')
    expect(r.stderr).toBe('')
    expect(r.stdout.trim()).toBe('secret/s1 created')
    const got = await kubectl('admin', 'get', 'secret', 's1', '-n', 'kinds-a', '-o', 'jsonpath={.type} {.data.k}')
    expect(got.stdout).toBe('Opaque dg==')
    const table = await kubectl('admin', 'get', 'secrets', '-n', 'kinds-a')
    expect(table.stdout).toMatch(/^NAME\s+TYPE\s+DATA\s+AGE\n/)
    expect(table.stdout).toMatch(/^s1\s+Opaque\s+1\s+\d+s$/m)
  })

  it('stringData is merged into data as the API server does', async () => {
    const { core } = t.clientsFor('admin', PROD_WEB)
    const s = await core.createNamespacedSecret({
      namespace: 'kinds-a',
      body: { metadata: { name: 's2' }, stringData: { password: 'hunter2' } },
    })
    expect(s.data).toEqual({ password: Buffer.from('hunter2').toString('base64') })
    expect(s.stringData).toBeUndefined()
  })

  it('kubectl creates and lists deployments, jobs, cronjobs and the other apps kinds', async () => {
    for (const args of [
      ['create', 'deployment', 'web', '--image=nginx', '--replicas=2', '-n', 'kinds-a'],
      ['create', 'job', 'once', '--image=busybox', '-n', 'kinds-a'],
      ['create', 'cronjob', 'nightly', '--image=busybox', '--schedule=0 3 * * *', '-n', 'kinds-a'],
    ]) {
      const r = await kubectl('admin', ...args)
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
    }
    const file = path.join(dir, 'apps.yaml')
    writeFileSync(file, MANIFESTS.map((m) => stringify(m)).join('---\n'))
    const applied = await kubectl('admin', 'apply', '-f', file)
    expect(applied.stderr).toBe('')
    // kubectl's generators send protobuf; the pod template survives decoding.
    const image = await kubectl(
      'admin',
      'get',
      'deploy',
      'web',
      '-n',
      'kinds-a',
      '-o',
      'jsonpath={.spec.replicas} {.spec.selector.matchLabels.app} {.spec.template.spec.containers[0].image}',
    )
    expect(image.stdout).toBe('2 web nginx')
    const cron = await kubectl(
      'admin',
      'get',
      'cj',
      'nightly',
      '-n',
      'kinds-a',
      '-o',
      'jsonpath={.spec.schedule} {.spec.jobTemplate.spec.template.spec.containers[0].image}',
    )
    expect(cron.stdout).toBe('0 3 * * * busybox')
    const all = await kubectl('admin', 'get', 'deployments', '-A')
    expect(all.stdout).toMatch(/^kinds-a\s+web\s+0\/2\s+0\s+0\s+\d+s$/m)
    const others = await kubectl('admin', 'get', 'rs,ds,sts,jobs,cronjobs', '-n', 'kinds-a', '-o', 'name')
    expect(others.stdout.trim().split('\n').sort()).toEqual([
      'cronjob.batch/nightly',
      'daemonset.apps/ds1',
      'job.batch/once',
      'replicaset.apps/rs1',
      'statefulset.apps/sts1',
    ])
  })

  it('authorizes the new kinds: View may list deployments but not secrets', async () => {
    expect((await kubectl('viewer', 'auth', 'can-i', 'list', 'secrets', '-n', 'kinds-a')).stdout.trim()).toBe('no')
    const canI = await kubectl('viewer', 'auth', 'can-i', 'list', 'deployments.apps', '-n', 'kinds-a')
    expect(canI.stderr).toBe('')
    expect(canI.stdout.trim()).toBe('yes')
    const denied = await kubectl('viewer', 'get', 'secrets', '-n', 'kinds-a')
    expect(denied.stderr).toContain(
      'secrets is forbidden: User "viewer" cannot list resource "secrets" in API group "" in the namespace "kinds-a"',
    )
    expect((await kubectl('viewer', 'get', 'cronjobs', '-n', 'kinds-a', '-o', 'name')).stdout).toContain('nightly')
  })

  it('watches deployments and deletes a collection by label selector', async () => {
    const { kubeConfig } = t.clientsFor('admin', PROD_WEB)
    const apps = kubeConfig.makeApiClient(AppsV1Api)
    for (const [name, tier] of [
      ['a1', 'x'],
      ['a2', 'x'],
      ['b1', 'y'],
    ] as const)
      await apps.createNamespacedDeployment({
        namespace: 'kinds-b',
        body: { metadata: { name, labels: { tier } }, spec: { selector: {}, template: {} } },
      })
    const seen: string[] = []
    await new Promise<void>((resolve, reject) => {
      new Watch(kubeConfig)
        .watch(
          '/apis/apps/v1/namespaces/kinds-b/deployments',
          { timeoutSeconds: 1 },
          (type, obj: { metadata: { name: string } }) => seen.push(`${type}:${obj.metadata.name}`),
          (e) => (e ? reject(e as Error) : resolve()),
        )
        .catch(reject)
    })
    expect(seen.sort()).toEqual(['ADDED:a1', 'ADDED:a2', 'ADDED:b1'])
    await apps.deleteCollectionNamespacedDeployment({ namespace: 'kinds-b', labelSelector: 'tier=x' })
    const left = await apps.listNamespacedDeployment({ namespace: 'kinds-b' })
    expect(left.items.map((d) => d.metadata?.name)).toEqual(['b1'])
    const viewer = t.clientsFor('viewer', PROD_WEB).kubeConfig.makeApiClient(AppsV1Api)
    const err = await viewer.deleteCollectionNamespacedDeployment({ namespace: 'kinds-b' }).catch((e: unknown) => e)
    expect((err as ApiException<string>).code).toBe(403)
    expect(JSON.parse((err as ApiException<string>).body).message).toBe(
      'deployments.apps is forbidden: User "viewer" cannot deletecollection resource "deployments" in API group "apps" in the namespace "kinds-b"',
    )
  })
})
