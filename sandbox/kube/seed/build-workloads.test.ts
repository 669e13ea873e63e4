import { describe, expect, it } from 'vitest'

import { buildStorageKey } from '../resources'
import type { KubeObject } from '../types'
import { buildClusterStore } from './build-cluster'
import { buildDemoClusterSeeds } from './demo-clusters'

const seeds = buildDemoClusterSeeds()
const stores = Object.entries(seeds).map(([name, seed]) => ({ name, store: buildClusterStore(seed) }))
const all = (store: ReturnType<typeof buildClusterStore>, group: string, resource: string) =>
  store.collection(buildStorageKey(group, resource)).all()

interface OwnerRef {
  kind: string
  name: string
  uid: string
}
const ownerOf = (o: KubeObject) => (o.metadata.ownerReferences as OwnerRef[] | undefined)?.[0]

const isReady = (pod: KubeObject) =>
  ((pod.status as { conditions?: { type: string; status: string }[] }).conditions ?? []).some(
    (c) => c.type === 'Ready' && c.status === 'True',
  )

const CONTROLLERS: [kind: string, group: string, resource: string][] = [
  ['ReplicaSet', 'apps', 'replicasets'],
  ['DaemonSet', 'apps', 'daemonsets'],
  ['StatefulSet', 'apps', 'statefulsets'],
  ['Job', 'batch', 'jobs'],
]

describe.each(stores)('the seeded workloads of $name', ({ name, store }) => {
  const pods = all(store, '', 'pods')
  const byUid = new Map<string, KubeObject>()
  for (const [, group, resource] of CONTROLLERS)
    for (const o of all(store, group, resource)) byUid.set(o.metadata.uid ?? '', o)

  it('gives every Pod an owner object that exists, with the uid its ownerReference names', () => {
    for (const pod of pods) {
      const ref = ownerOf(pod)
      if (!ref) continue
      const owner = byUid.get(ref.uid)
      expect(owner, `${name}: ${pod.metadata.namespace}/${pod.metadata.name}`).toMatchObject({
        kind: ref.kind,
        metadata: { name: ref.name, namespace: pod.metadata.namespace },
      })
    }
  })

  it('owns every ReplicaSet by its Deployment, and reports as ready the Running Pods it owns', () => {
    const deployments = new Map(all(store, 'apps', 'deployments').map((d) => [d.metadata.uid, d]))
    for (const rs of all(store, 'apps', 'replicasets')) {
      const owner = deployments.get(ownerOf(rs)?.uid)
      expect(owner?.metadata.name).toBe(rs.metadata.name.replace(/-[0-9a-f]{10}$/, ''))
      const owned = pods.filter((p) => ownerOf(p)?.uid === rs.metadata.uid)
      const ready = owned.filter((p) => isReady(p)).length
      expect((rs.spec as { replicas: number }).replicas).toBe(owned.length)
      expect((owner?.status as { replicas: number }).replicas).toBe(owned.length)
      expect((rs.status as { readyReplicas: number }).readyReplicas).toBe(ready)
      expect((owner?.status as { readyReplicas: number }).readyReplicas).toBe(ready)
    }
  })

  it("selects its Pods with each controller's own selector", () => {
    for (const [, group, resource] of CONTROLLERS) {
      for (const c of all(store, group, resource)) {
        const selector = (c.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels
        const owned = pods.filter((p) => ownerOf(p)?.uid === c.metadata.uid)
        for (const p of owned) expect(p.metadata.labels).toMatchObject(selector)
      }
    }
  })
})

describe('the seeded Secrets', () => {
  it('are deterministic and stored base64, one of each common type in prod-web', () => {
    const secrets = all(buildClusterStore(seeds['prod-web']!), '', 'secrets')
    expect(all(buildClusterStore(seeds['prod-web']!), '', 'secrets')).toEqual(secrets)
    expect(new Set(secrets.map((s) => (s as { type?: string }).type))).toEqual(
      new Set(['Opaque', 'kubernetes.io/tls', 'kubernetes.io/dockerconfigjson', 'kubernetes.io/service-account-token']),
    )
    const tls = secrets.find((s) => s.metadata.name === 'web-tls') as unknown as { data: Record<string, string> }
    expect(Buffer.from(tls.data['tls.crt'] ?? '', 'base64').toString()).toMatch(/^-----BEGIN CERTIFICATE-----/)
  })
})
