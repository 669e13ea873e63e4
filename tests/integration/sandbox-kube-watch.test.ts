// Watch through the real clients: `kubectl get -w`, a @kubernetes/client-node informer (list + watch, ADDED /
// MODIFIED / DELETED), and the raw protocol for bookmarks, resourceVersion resumption, 410 Expired, selectors and
// the `watch` verb.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { makeInformer, Watch, type V1ConfigMap } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CHANGE_LOG_CAPACITY } from '@/sandbox/kube/change-log'
import { buildStorageKey } from '@/sandbox/kube/resources'
import { resetKubeStore } from '@/sandbox/kube/seed/seed-kube-store'
import { PROD_WEB, startTestKubeApi, type TestKubeApi } from '@/sandbox/kube/testing/start-test-kube-api'
import { kubectlInvocation, writeTokenKubeconfig } from '@/sandbox/kube/testing/token-kubectl'

let t: TestKubeApi

/** One watch event as it arrives; `object` is loosely typed because ERROR and BOOKMARK objects are not the kind. */
interface WatchEvent {
  type: string
  object: {
    kind?: string
    message?: string
    metadata?: { name?: string; resourceVersion?: string }
    details?: unknown
  }
}
let dir: string

beforeAll(async () => {
  t = await startTestKubeApi({
    admin: { user: { username: 'admin', groups: ['system:masters'] } },
    lister: { user: { username: 'lister', groups: ['listers'] } },
  })
  const { rbac } = t.clientsFor('admin', PROD_WEB)
  await rbac.createClusterRole({
    body: { metadata: { name: 'cm-lister' }, rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['list'] }] },
  })
  await rbac.createClusterRoleBinding({
    body: {
      metadata: { name: 'cm-lister' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cm-lister' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'listers' }],
    },
  })
  dir = mkdtempSync(path.join(tmpdir(), 'kube-watch-'))
  writeTokenKubeconfig(dir, { server: t.api.endpointFor(PROD_WEB), caCertPem: t.api.caCertPem }, ['admin'])
})
afterAll(async () => {
  await t?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Raw watch: reads newline-delimited events until `until` is satisfied or the server ends the stream. */
async function rawWatch(
  token: string,
  query: string,
  opts: { path?: string; until?: (events: WatchEvent[]) => boolean; act?: () => Promise<void> } = {},
): Promise<{ status: number; events: WatchEvent[] }> {
  const url = `${t.api.endpointFor(PROD_WEB)}${opts.path ?? '/api/v1/namespaces/team-a/configmaps'}?watch=true&${query}`
  const { Agent, request } = await import('node:https')
  const agent = new Agent({ ca: t.api.caCertPem })
  return new Promise((resolve, reject) => {
    const events: WatchEvent[] = []
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let buffer = ''
      const finish = () => resolve({ status: res.statusCode ?? 0, events })
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8')
        let nl: number
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl)
          buffer = buffer.slice(nl + 1)
          if (line.trim()) events.push(JSON.parse(line) as WatchEvent)
        }
        if (opts.until?.(events)) {
          req.destroy()
          finish()
        }
      })
      res.on('end', () => {
        if (buffer.trim()) events.push(JSON.parse(buffer) as WatchEvent)
        finish()
      })
      if (res.statusCode === 200) opts.act?.().catch(reject)
    })
    req.on('error', (e) => (req.destroyed ? undefined : reject(e)))
    req.end()
  })
}

const core = () => t.clientsFor('admin', PROD_WEB).core

describe('watch', () => {
  it('kubectl get pods -w prints a pod created while it watches', async () => {
    const watch = kubectlInvocation(dir, 'admin', ['get', 'pods', '-n', 'team-a', '-w', '--request-timeout=20s'])
    const child = spawn('kubectl', watch.args, { env: watch.env })
    let out = ''
    let err = ''
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    const seen = new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString()
        if (out.includes('watched-by-kubectl')) resolve()
      })
    })
    // Once the initial listing is printed, create the object the watch must report.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
    await core().createNamespacedPod({
      namespace: 'team-a',
      body: { metadata: { name: 'watched-by-kubectl' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    })
    await Promise.race([
      seen,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no event; stderr: ${err}`)), 15_000)),
    ])
    child.kill()
    expect(out).toMatch(/^watched-by-kubectl\s+0\/1\s+\w+\s+0\s+\d+s$/m)
  })

  it('an informer sees add, update and delete', async () => {
    const kc = t.clientsFor('admin', PROD_WEB).kubeConfig
    const informer = makeInformer<V1ConfigMap>(kc, '/api/v1/namespaces/team-a/configmaps', () =>
      core().listNamespacedConfigMap({ namespace: 'team-a' }),
    )
    const seen: string[] = []
    const waitFor = (what: string) =>
      new Promise<void>((resolve) => {
        const check = () => (seen.includes(what) ? resolve() : setTimeout(check, 20))
        check()
      })
    informer.on('add', (o) => o.metadata?.name === 'informed' && seen.push('add'))
    informer.on('update', (o) => o.metadata?.name === 'informed' && seen.push(`update:${o.data?.v}`))
    informer.on('delete', (o) => o.metadata?.name === 'informed' && seen.push('delete'))
    await informer.start()
    try {
      await core().createNamespacedConfigMap({
        namespace: 'team-a',
        body: { metadata: { name: 'informed' }, data: { v: '1' } },
      })
      await waitFor('add')
      await core().replaceNamespacedConfigMap({
        namespace: 'team-a',
        name: 'informed',
        body: { metadata: { name: 'informed' }, data: { v: '2' } },
      })
      await waitFor('update:2')
      await core().deleteNamespacedConfigMap({ namespace: 'team-a', name: 'informed' })
      await waitFor('delete')
      expect(seen).toEqual(['add', 'update:2', 'delete'])
      expect(informer.list('team-a').map((c) => c.metadata?.name)).not.toContain('informed')
    } finally {
      await informer.stop()
    }
  })

  it('resumes from a resourceVersion, sends bookmarks and ends at timeoutSeconds', async () => {
    const list = await core().listNamespacedConfigMap({ namespace: 'team-a' })
    const rv = list.metadata?.resourceVersion ?? ''
    await core().createNamespacedConfigMap({ namespace: 'team-a', body: { metadata: { name: 'after-rv' } } })
    const r = await rawWatch('admin', `resourceVersion=${rv}&allowWatchBookmarks=true&timeoutSeconds=1`)
    expect(r.status).toBe(200)
    expect(r.events.map((e) => `${e.type}:${e.object.metadata?.name ?? ''}`)).toEqual(['ADDED:after-rv', 'BOOKMARK:'])
    const bookmark = r.events[1]?.object
    expect(bookmark).toMatchObject({ kind: 'ConfigMap', apiVersion: 'v1' })
    expect(Number(bookmark?.metadata?.resourceVersion)).toBeGreaterThan(Number(rv))
  })

  it('reports label-selector transitions as ADDED / DELETED', async () => {
    const labelled = (v: string) => ({ metadata: { name: 'sel', labels: { app: v } } })
    const r = await rawWatch('admin', 'labelSelector=app%3Dweb&resourceVersion=0', {
      until: (events) => events.filter((e) => e.object.metadata?.name === 'sel').length >= 3,
      act: async () => {
        await core().createNamespacedConfigMap({ namespace: 'team-a', body: labelled('web') })
        await core().replaceNamespacedConfigMap({ namespace: 'team-a', name: 'sel', body: labelled('db') })
        await core().replaceNamespacedConfigMap({ namespace: 'team-a', name: 'sel', body: labelled('web') })
        await core().deleteNamespacedConfigMap({ namespace: 'team-a', name: 'sel' })
      },
    })
    expect(r.events.filter((e) => e.object.metadata?.name === 'sel').map((e) => e.type)).toEqual([
      'ADDED',
      'DELETED',
      'ADDED',
    ])
  })

  it('answers a too-old resourceVersion with a 410 Expired ERROR event', async () => {
    const start = Number((await core().listNamespacedConfigMap({ namespace: 'team-a' })).metadata?.resourceVersion)
    const { store } = t
    const cluster = store.getCluster(PROD_WEB)
    // Push the start revision out of the retained window.
    for (let i = 0; i <= CHANGE_LOG_CAPACITY; i++)
      cluster?.create(
        buildStorageKey('', 'configmaps'),
        { group: '', resource: 'configmaps' },
        { metadata: { name: `churn-${i}`, namespace: 'batch-only' } },
      )
    const r = await rawWatch('admin', `resourceVersion=${start}`)
    expect(r.status).toBe(200)
    expect(r.events).toHaveLength(1)
    expect(r.events[0]).toMatchObject({
      type: 'ERROR',
      object: { kind: 'Status', status: 'Failure', reason: 'Expired', code: 410 },
    })
    expect(r.events[0]?.object.message).toMatch(new RegExp(`^too old resource version: ${start} \\(\\d+\\)$`))
  })

  it('answers a resourceVersion from the future with ResourceVersionTooLarge, so clients list again', async () => {
    const current = Number((await core().listNamespacedConfigMap({ namespace: 'team-a' })).metadata?.resourceVersion)
    const r = await rawWatch('admin', `resourceVersion=${current + 1000}`)
    expect(r.events).toHaveLength(1)
    expect(r.events[0]).toMatchObject({
      type: 'ERROR',
      object: {
        kind: 'Status',
        reason: 'Timeout',
        code: 504,
        message: `Timeout: Too large resource version: ${current + 1000}, current: ${current}`,
        details: { causes: [{ reason: 'ResourceVersionTooLarge' }], retryAfterSeconds: 1 },
      },
    })
  })

  it('authorizes watch as the watch verb', async () => {
    const r = await rawWatch('lister', '')
    expect(r.status).toBe(403)
    expect(r.events[0]?.object ?? r.events[0]).toMatchObject({
      message:
        'configmaps is forbidden: User "lister" cannot watch resource "configmaps" in API group "" in the namespace "team-a"',
    })
  })

  it('client-node Watch gets the initial ADDED events', async () => {
    const kc = t.clientsFor('admin', PROD_WEB).kubeConfig
    const names: string[] = []
    await new Promise<void>((resolve, reject) => {
      new Watch(kc)
        .watch(
          '/api/v1/namespaces/team-a/serviceaccounts',
          { timeoutSeconds: 1 },
          (type, obj: { metadata: { name: string } }) => names.push(`${type}:${obj.metadata.name}`),
          (e) => (e ? reject(e as Error) : resolve()),
        )
        .catch(reject)
    })
    expect(names).toContain('ADDED:default')
  })

  it('ends open watches when the sandbox resets the cluster (runs last: it replaces the seeded state)', async () => {
    const r = await rawWatch('admin', 'resourceVersion=0', {
      act: async () => {
        await new Promise((resolve) => setTimeout(resolve, 50))
        resetKubeStore(t.store, { scale: 'default' })
      },
    })
    expect(r.status).toBe(200)
    expect(r.events.every((e) => e.type === 'ADDED')).toBe(true)
  })
})
