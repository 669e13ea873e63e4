// State survives restarts: small clusters are saved per cluster under the state dir, the CA is reused (so
// kubeconfigs stay valid), the large cluster is regenerated, and a reset restores the seed.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node'
import { afterEach, describe, expect, it } from 'vitest'

import { startKubeApi, type KubeApi } from '@/sandbox/kube/kube-api-server'
import { KubeStore } from '@/sandbox/kube/kube-store'
import { buildStorageKey } from '@/sandbox/kube/resources'
import { ensureKubeCluster, resetKubeStore, seedKubeStore } from '@/sandbox/kube/seed/seed-kube-store'
import type { ClusterRef } from '@/sandbox/kube/types'
import { startSandbox } from '@/sandbox/start-sandbox'

const PROD_WEB: ClusterRef = { region: 'us-west-2', name: 'prod-web' }
const dirs: string[] = []
const apis: KubeApi[] = []

afterEach(async () => {
  await Promise.all(apis.splice(0).map((a) => a.close()))
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

async function boot(
  stateDir: string,
): Promise<{ api: KubeApi; store: KubeStore; core: (c: ClusterRef, ca?: string) => CoreV1Api }> {
  const store = new KubeStore({ stateDir })
  seedKubeStore(store, { scale: 'default' })
  const api = await startKubeApi({
    store,
    authenticate: async () => ({ username: 'admin', groups: ['system:masters'] }),
    accessPoliciesFor: () => [],
  })
  apis.push(api)
  const core = (c: ClusterRef, ca = api.caCertPem) => {
    const kc = new KubeConfig()
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: api.endpointFor(c), caData: Buffer.from(ca).toString('base64') }],
      users: [{ name: 'u', token: 't' }],
      contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
      currentContext: 'c',
    })
    return kc.makeApiClient(CoreV1Api)
  }
  return { api, store, core }
}

describe('persistence', () => {
  it('keeps writes and the CA across restarts; reset restores the seed', async () => {
    const stateDir = mkdtempSync(path.join(tmpdir(), 'kube-state-'))
    dirs.push(stateDir)
    const first = await boot(stateDir)
    await first
      .core(PROD_WEB)
      .createNamespacedConfigMap({ namespace: 'team-a', body: { metadata: { name: 'survives' }, data: { a: '1' } } })
    const oldCa = first.api.caCertPem
    expect(readdirSync(path.join(stateDir, 'kube')).sort()).toEqual([
      'eu-west-1__eu-shop.json',
      'us-west-2__legacy-batch.json',
      'us-west-2__ml-auto.json',
      'us-west-2__prod-web.json',
    ])
    await first.api.close()

    const second = await boot(stateDir)
    expect(second.api.caCertPem).toBe(oldCa)
    // A kubeconfig holding the old CA still verifies the restarted server's certificate.
    const cm = await second.core(PROD_WEB, oldCa).readNamespacedConfigMap({ namespace: 'team-a', name: 'survives' })
    expect(cm.data).toEqual({ a: '1' })

    resetKubeStore(second.store, { scale: 'default' })
    const after = await second.core(PROD_WEB).listNamespacedConfigMap({ namespace: 'team-a' })
    expect(after.items.map((c) => c.metadata?.name)).not.toContain('survives')
  })

  it('gives a cluster created through EKS a baseline API with its version', async () => {
    const stateDir = mkdtempSync(path.join(tmpdir(), 'kube-state-'))
    dirs.push(stateDir)
    const { store, core, api } = await boot(stateDir)
    const ref = { region: 'us-west-2', name: 'fresh' }
    ensureKubeCluster(store, ref, '1.31')
    expect(store.getCluster(ref)?.serverVersion).toBe('v1.31.0-eks-sandbox')
    const namespaces = (await core(ref).listNamespace()).items.map((n) => n.metadata?.name)
    expect(namespaces).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system'])
    expect((await core(ref).listNode()).items).toHaveLength(0)
    expect(api.endpointFor(ref)).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/clusters\/us-west-2\/fresh$/)
    // Once connected it has its own port, like the seeded clusters.
    const own = await api.connectCluster(ref)
    expect(own).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    expect(api.endpointFor(ref)).toBe(own)
    expect((await core(ref).listNamespace()).items.map((n) => n.metadata?.name)).toContain('kube-system')
  })

  it('a fresh start (npm run sandbox -- --reset) builds every cluster from its seed and drops saved writes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kube-fresh-'))
    dirs.push(dir)
    const first = await startSandbox({ port: 0, stateDir: dir })
    const configMaps = buildStorageKey('', 'configmaps')
    const names = { group: '', resource: 'configmaps' }
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'saved', namespace: 'default' } }
    first.kube.store.getCluster(PROD_WEB)?.create(configMaps, names, cm)
    await first.close()
    const again = await startSandbox({ port: 0, stateDir: dir })
    expect(again.kube.store.getCluster(PROD_WEB)?.get(configMaps, 'default', 'saved')).toBeDefined()
    await again.close()
    const fresh = await startSandbox({ port: 0, stateDir: dir, fresh: true })
    expect(fresh.kube.store.getCluster(PROD_WEB)?.get(configMaps, 'default', 'saved')).toBeUndefined()
    expect(fresh.kube.store.getCluster(PROD_WEB)?.get(configMaps, 'kube-system', 'aws-auth')).toBeDefined()
    await fresh.close()
  })
})
