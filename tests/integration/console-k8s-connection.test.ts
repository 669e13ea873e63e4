// The console's lib/k8s (EKS token, cached connection, typed calls, error mapping) against the sandbox's HTTPS
// Kubernetes API, with authentication done as EKS does it: the bearer token's presigned STS URL is verified against
// the sandbox's IAM keys. (Runs on the Kubernetes test server until start-sandbox wires DescribeCluster to it.)
import { createServer, type AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { USER_ACCESS_KEYS, USER_ARNS, type SeedUserName } from '@/sandbox/core/seed-constants'
import { createSeedWorld } from '@/sandbox/core/seed-world'
import { startKubeApi, type KubeApi } from '@/sandbox/kube/kube-api-server'
import { KubeStore } from '@/sandbox/kube/kube-store'
import { seedKubeStore } from '@/sandbox/kube/seed/seed-kube-store'
import { loadOrCreateKubeTls } from '@/sandbox/kube/tls'
import { verifyEksBearerToken } from '@/sandbox/sts/presigned-caller'

vi.mock('server-only', () => ({}))
const { createKubeConnector } = await import('@/lib/k8s/kube-connection')
const { setKubeConnector } = await import('@/lib/k8s/kube-clients')
const { whoAmI, canI } = await import('@/lib/k8s/kube-reviews')
const { listNamespaces, listPods } = await import('@/lib/k8s/kube-lists')
const { listAllNamespaceNames } = await import('@/lib/k8s/kube-namespaces')
const { decodeEksToken } = await import('@/lib/k8s/eks-token')

const STS = 'http://127.0.0.1:4566'
const PROD_WEB = { region: 'us-west-2', name: 'prod-web' }
const world = createSeedWorld('default')
// Kubernetes identities of the seeded IAM users, as access entries would map them.
const identities: Record<string, { username: string; groups: string[] }> = {
  [USER_ARNS.admin]: { username: 'admin', groups: ['system:masters'] },
  [USER_ARNS.alice]: { username: 'alice', groups: [] },
}
let api: KubeApi
let clock = Date.parse('2026-11-28T12:00:00Z')
let caData: string
let describeCalls = 0
const authenticated: string[] = []

function useConnector(user: SeedUserName, endpoint?: string, ca?: string) {
  const connector = createKubeConnector({
    async describeCluster(ref) {
      describeCalls++
      return {
        arn: `arn:aws:eks:${ref.region}:111122223333:cluster/${ref.name}`,
        status: 'ACTIVE',
        endpoint: endpoint ?? api.endpointFor(ref),
        caData: ca ?? caData,
      }
    },
    getCredentials: async () => ({ ...USER_ACCESS_KEYS[user] }),
    stsEndpointUrl: STS,
    now: () => clock,
  })
  setKubeConnector(connector)
  return connector
}

beforeAll(async () => {
  const store = new KubeStore({})
  seedKubeStore(store, { scale: 'default' })
  api = await startKubeApi({
    port: 0,
    store,
    async authenticate({ cluster, bearerToken }) {
      if (!bearerToken) return undefined
      try {
        const caller = await verifyEksBearerToken(bearerToken, cluster.name, world, { now: new Date(clock) })
        authenticated.push(bearerToken)
        return identities[caller.arn]
      } catch {
        return undefined
      }
    },
    accessPoliciesFor: () => [],
  })
  caData = Buffer.from(api.caCertPem).toString('base64')
})
afterAll(async () => {
  setKubeConnector(undefined)
  await api?.close()
})
beforeEach(() => {
  describeCalls = 0
})

describe('whoAmI and canI', () => {
  it('maps the admin to its Kubernetes user and groups', async () => {
    useConnector('admin')
    expect(await whoAmI(PROD_WEB)).toMatchObject({
      username: 'admin',
      groups: expect.arrayContaining(['system:masters', 'system:authenticated']),
    })
  })

  it('answers allowed and denied', async () => {
    useConnector('alice')
    expect(
      await canI(PROD_WEB, { verb: 'create', resource: 'selfsubjectaccessreviews', group: 'authorization.k8s.io' }),
    ).toMatchObject({ allowed: true })
    expect(await canI(PROD_WEB, { verb: 'delete', resource: 'pods', namespace: 'kube-system' })).toMatchObject({
      allowed: false,
    })
    useConnector('admin')
    expect(await canI(PROD_WEB, { verb: 'delete', resource: 'pods', namespace: 'kube-system' })).toMatchObject({
      allowed: true,
    })
  })
})

describe('errors', () => {
  it('keeps verb, resource and namespace of a 403', async () => {
    useConnector('alice')
    const error = await listPods(PROD_WEB, 'team-a').catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'kubernetes_forbidden',
      status: 403,
      detail: { verb: 'list', resource: 'pods', namespace: 'team-a', status: 403, reason: 'Forbidden' },
    })
    expect((error as Error).message).toMatch(/^The console's role cannot list pods in namespace team-a on prod-web\./)
  })

  it('says the cluster did not accept the credentials of an unmapped principal, after one fresh retry', async () => {
    useConnector('bob')
    const error = await whoAmI(PROD_WEB).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'kubernetes_unauthorized', status: 502 })
    expect((error as Error).message).toContain("did not accept the console's credentials")
    expect(describeCalls).toBe(2)
  })

  it('names the endpoint it cannot reach', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const endpoint = `https://127.0.0.1:${port}`
    useConnector('admin', endpoint)
    await expect(whoAmI(PROD_WEB)).rejects.toMatchObject({
      code: 'upstream_unreachable',
      message: expect.stringContaining(`Cannot reach the cluster's API server ${endpoint} [ECONNREFUSED]`),
    })
  })

  it('refuses a server the cluster CA does not vouch for', async () => {
    // A fresh ephemeral CA: a valid certificate, just not the one that signed this API server's.
    const otherCa = Buffer.from(loadOrCreateKubeTls(undefined).caCertPem).toString('base64')
    useConnector('admin', undefined, otherCa)
    const error = await whoAmI(PROD_WEB).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'upstream_error', detail: { code: expect.any(String) } })
    expect((error as Error).message).toMatch(/presented a certificate that the cluster's certificate authority/)
  })
})

describe('tokens and connections', () => {
  it('reuses the token and connection, renews the token before 14 minutes, and the new one is accepted', async () => {
    const connector = useConnector('admin')
    const first = await connector.getToken(PROD_WEB)
    await whoAmI(PROD_WEB)
    clock += 60_000
    await whoAmI(PROD_WEB)
    expect(describeCalls).toBe(1) // endpoint + CA cached too (re-described after 5 minutes)
    clock += 10 * 60_000
    expect((await connector.getToken(PROD_WEB)).token).toBe(first.token)
    clock += 2 * 60_000 // 13 minutes: within 2 minutes of the 14-minute lifetime
    const second = await connector.getToken(PROD_WEB)
    expect(second.token).not.toBe(first.token)
    expect(new URL(decodeEksToken(second.token)).searchParams.get('X-Amz-Date')).not.toBe(
      new URL(decodeEksToken(first.token)).searchParams.get('X-Amz-Date'),
    )
    expect((await whoAmI(PROD_WEB)).username).toBe('admin')
    expect(authenticated.at(-1)).toBe(second.token)
    clock += 16 * 60_000 // past the 15-minute window STS honours: the old token is refused, the connector renews
    await expect(verifyEksBearerToken(first.token, 'prod-web', world, { now: new Date(clock) })).rejects.toThrow()
    expect((await whoAmI(PROD_WEB)).username).toBe('admin')
  })

  it('pages lists with limit and continue', async () => {
    useConnector('admin')
    const first = await listNamespaces(PROD_WEB, { limit: 2 })
    expect(first.items).toHaveLength(2)
    expect(first.continue).toBeTruthy()
    const second = await listNamespaces(PROD_WEB, { limit: 2, continue: first.continue })
    expect(second.items.map((n) => n.metadata?.name)).not.toContain(first.items[0]?.metadata?.name)
  })

  it('lists every namespace name once, sorted, and says when it stopped at the bound', async () => {
    useConnector('admin')
    const pages = [await listNamespaces(PROD_WEB, { limit: 500 })]
    const all = pages[0]!.items.map((n) => n.metadata?.name ?? '').sort()
    expect(all.length).toBeGreaterThan(2)
    expect(await listAllNamespaceNames(PROD_WEB, { max: 5_000 })).toEqual({ names: all, truncated: false })
    expect(await listAllNamespaceNames(PROD_WEB, { max: 2 })).toEqual({ names: all.slice(0, 2), truncated: true })
  })
})
