// Every sandbox cluster has its own Kubernetes endpoint (its own HTTPS port), as every EKS cluster has its own host:
// kubectl's raw requests (`kubectl get --raw /api/v1/…`) drop a server URL's path, so a path prefix per cluster is
// not enough for every client. The endpoint is what DescribeCluster reports.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { EKSClient, TagResourceCommand } from '@aws-sdk/client-eks'
import { CoreV1Api } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { stringify } from 'yaml'

import { startTestSandbox, type KubeClusterRef, type TestSandbox } from '@/tests/support/start-test-sandbox'

vi.mock('server-only', () => ({}))

const run = promisify(execFile)
const PROD_WEB: KubeClusterRef = { region: 'us-west-2', name: 'prod-web' }
const EU_SHOP: KubeClusterRef = { region: 'eu-west-1', name: 'eu-shop' }
let aws: TestSandbox
let dir: string

beforeAll(async () => {
  aws = await startTestSandbox()
  dir = await mkdtemp(join(tmpdir(), 'kube-endpoints-'))
})
afterAll(async () => {
  await aws?.stop()
  await rm(dir, { recursive: true, force: true })
})

/** A kubeconfig as `aws eks update-kubeconfig` writes it, with the token inline instead of the exec plugin. */
async function kubeconfigFor(cluster: KubeClusterRef): Promise<string> {
  const { arn, endpoint, caData } = await aws.describeKubeEndpoint(cluster)
  const token = await aws.eksTokenFor(cluster, 'admin')
  const file = join(dir, `${cluster.name}.yaml`)
  await writeFile(
    file,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: arn, cluster: { server: endpoint, 'certificate-authority-data': caData } }],
      users: [{ name: arn, user: { token } }],
      contexts: [{ name: arn, context: { cluster: arn, user: arn } }],
      'current-context': arn,
    }),
  )
  return file
}

async function kubectl(kubeconfig: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { NODE_ENV: 'test', PATH: process.env.PATH ?? '', HOME: dir, KUBECONFIG: kubeconfig }
  try {
    const { stdout, stderr } = await run('kubectl', ['--cache-dir', join(dir, 'cache'), ...args], {
      env,
      timeout: 25_000,
    })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' }
  }
}

describe('per-cluster endpoints', () => {
  it('DescribeCluster gives each cluster its own origin with no path', async () => {
    const endpoints = await Promise.all([PROD_WEB, EU_SHOP].map((c) => aws.describeKubeEndpoint(c)))
    const urls = endpoints.map((e) => new URL(e.endpoint))
    for (const u of urls) {
      expect(u.protocol).toBe('https:')
      expect(u.hostname).toBe('127.0.0.1')
      expect(u.pathname).toBe('/')
    }
    expect(urls[0]?.port).not.toBe(urls[1]?.port)
  })

  it('kubectl get --raw reaches the cluster of the endpoint', async () => {
    const r = await kubectl(await kubeconfigFor(PROD_WEB), 'get', '--raw', '/api/v1/namespaces')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const names = (JSON.parse(r.stdout) as { items: { metadata: { name: string } }[] }).items.map(
      (n) => n.metadata.name,
    )
    expect(names).toContain('team-a')
    expect(names).not.toContain('shop-web')
    const eu = await kubectl(await kubeconfigFor(EU_SHOP), 'get', '--raw', '/api/v1/namespaces')
    expect(eu.code).toBe(0)
    expect(eu.stdout).toContain('"shop-web"')
  })

  it('kubectl get pods and client-node work against the endpoint', async () => {
    const r = await kubectl(await kubeconfigFor(PROD_WEB), 'get', 'pods', '-n', 'team-a', '-o', 'name')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^pod\//m)
    const kc = await aws.kubeConfigFor(PROD_WEB, 'admin')
    const core = kc.makeApiClient(CoreV1Api)
    expect((await core.listNamespace()).items.map((n) => n.metadata?.name)).toContain('team-a')
  })

  it('serves the OIDC issuers on the shared port, not on a cluster endpoint', async () => {
    const issuer = aws.sandbox.kube.oidc.issuers[0]?.issuerUrl() ?? ''
    expect(new URL(issuer).port).toBe(String(aws.sandbox.kube.port))
    const { endpoint } = await aws.describeKubeEndpoint(PROD_WEB)
    expect(new URL(endpoint).port).not.toBe(String(aws.sandbox.kube.port))
  })

  it('gives a cluster that appears in the world later (as CreateCluster adds it) its own port after the write', async () => {
    const world = aws.sandbox.world
    const source = world.eks.clusters['us-west-2']?.['prod-web']
    if (!source) throw new Error('no prod-web')
    const late = { ...structuredClone(source), name: 'late', arn: source.arn.replace('/prod-web', '/late') }
    late.endpoint = 'https://PLACEHOLDER.gr7.us-west-2.eks.amazonaws.com'
    world.eks.clusters['us-west-2'] = { ...world.eks.clusters['us-west-2'], late }
    // Any successful write marks the world dirty; the Kubernetes side then connects clusters it does not serve yet.
    await new EKSClient(aws.admin).send(new TagResourceCommand({ resourceArn: source.arn, tags: { touched: 'yes' } }))
    const ref = { region: 'us-west-2', name: 'late' }
    let endpoint = ''
    for (let i = 0; i < 50 && !endpoint.startsWith('https://127.0.0.1:'); i++) {
      endpoint = (await aws.describeKubeEndpoint(ref)).endpoint
      if (!endpoint.startsWith('https://127.0.0.1:')) await new Promise((r) => setTimeout(r, 20))
    }
    expect(endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const r = await kubectl(await kubeconfigFor(ref), 'get', '--raw', '/api/v1/namespaces')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('"kube-system"')
  })
})
