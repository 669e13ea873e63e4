// The sandbox Kubernetes API against the REAL @kubernetes/client-node 1.4 over HTTPS with the sandbox CA.
import { ApiException, PatchStrategy, setHeaderOptions, type V1ConfigMap } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PROD_WEB, startTestKubeApi, type TestKubeApi } from '@/sandbox/kube/testing/start-test-kube-api'

let t: TestKubeApi
const admin = () => t.clientsFor('admin-token', PROD_WEB)

beforeAll(async () => {
  t = await startTestKubeApi({ 'admin-token': { user: { username: 'admin', groups: ['system:masters'] } } })
})
afterAll(async () => t?.close())

async function expectStatus(p: Promise<unknown>, code: number, reason: string, message?: string | RegExp) {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(ApiException)
  const e = err as ApiException<string>
  expect(e.code).toBe(code)
  const body = JSON.parse(e.body) as {
    kind: string
    apiVersion: string
    status: string
    reason: string
    message: string
    code: number
    details?: Record<string, unknown>
  }
  expect(body).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason, code })
  if (message) expect(body.message).toMatch(message)
  return body
}

describe('discovery and reads', () => {
  it('serves namespaces, nodes with topology labels, and pods in every state', async () => {
    const { core } = admin()
    const namespaces = (await core.listNamespace()).items.map((n) => n.metadata?.name)
    expect(namespaces).toEqual(
      expect.arrayContaining(['default', 'kube-system', 'team-a', 'team-b', 'orders', 'reports', 'billing']),
    )
    const nodes = (await core.listNode()).items
    expect(new Set(nodes.map((n) => n.metadata?.labels?.['topology.kubernetes.io/zone']))).toEqual(
      new Set(['us-west-2a', 'us-west-2b', 'us-west-2c']),
    )
    expect(new Set(nodes.map((n) => n.metadata?.labels?.['eks.amazonaws.com/nodegroup']))).toEqual(
      new Set(['general', 'spot-batch']),
    )
    const pods = (await core.listPodForAllNamespaces()).items
    const waiting = pods.flatMap((p) => p.status?.containerStatuses?.map((c) => c.state?.waiting?.reason) ?? [])
    expect(waiting).toEqual(expect.arrayContaining(['CrashLoopBackOff', 'ImagePullBackOff']))
    expect(pods.some((p) => p.status?.phase === 'Failed' && p.status.reason === 'Evicted')).toBe(true)
    expect(pods.some((p) => p.status?.phase === 'Succeeded')).toBe(true)
    expect(pods.some((p) => p.status?.conditions?.some((c) => c.reason === 'Unschedulable'))).toBe(true)
  })

  it('serves IRSA annotations, aws-auth and events for failing pods', async () => {
    const { core } = admin()
    const sa = await core.readNamespacedServiceAccount({ namespace: 'billing', name: 'billing-api' })
    expect(sa.metadata?.annotations?.['eks.amazonaws.com/role-arn']).toBe('arn:aws:iam::111122223333:role/billing-irsa')
    const awsAuth = await core.readNamespacedConfigMap({ namespace: 'kube-system', name: 'aws-auth' })
    expect(awsAuth.data?.mapRoles).toContain('system:node:{{EC2PrivateDNSName}}')
    const events = await core.listNamespacedEvent({ namespace: 'team-a', fieldSelector: 'reason=Failed' })
    expect(events.items.length).toBeGreaterThan(0)
    expect(events.items[0]?.involvedObject.kind).toBe('Pod')
  })

  it('materializes aggregated ClusterRoles and EKS bindings', async () => {
    const { rbac } = admin()
    const adminRole = await rbac.readClusterRole({ name: 'admin' })
    const edit = await rbac.readClusterRole({ name: 'edit' })
    const view = await rbac.readClusterRole({ name: 'view' })
    const has = (rules: typeof view.rules, res: string, verb: string) =>
      (rules ?? []).some((r) => r.resources?.includes(res) && r.verbs.includes(verb))
    expect(has(view.rules, 'pods', 'list')).toBe(true)
    expect(has(edit.rules, 'pods', 'list') && has(edit.rules, 'configmaps', 'update')).toBe(true)
    expect(has(adminRole.rules, 'rolebindings', 'create') && has(adminRole.rules, 'pods', 'list')).toBe(true)
    expect(has(edit.rules, 'rolebindings', 'create')).toBe(false)
    const crb = await rbac.readClusterRoleBinding({ name: 'eks:node-bootstrapper' })
    expect(crb.subjects?.map((s) => s.name)).toEqual(['system:bootstrappers', 'system:nodes'])
  })
})

describe('list pagination and selectors', () => {
  it('pages with limit and an opaque continue token without losing or repeating pods', async () => {
    const { core } = admin()
    const all = (await core.listPodForAllNamespaces()).items.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`)
    const seen: string[] = []
    let token: string | undefined
    let pages = 0
    do {
      const page = await core.listPodForAllNamespaces({ limit: 7, _continue: token })
      expect(page.items.length).toBeLessThanOrEqual(7)
      seen.push(...page.items.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`))
      token = page.metadata?._continue
      if (token) expect(page.metadata?.remainingItemCount).toBe(all.length - seen.length)
      pages++
    } while (token)
    expect(seen).toEqual(all)
    expect(pages).toBe(Math.ceil(all.length / 7))
  })

  it('rejects a forged continue token with a 400 Status', async () => {
    await expectStatus(
      admin().core.listNamespacedPod({ namespace: 'team-a', _continue: 'not-a-token' }),
      400,
      'BadRequest',
      /continue/,
    )
  })

  it.each([
    ['eks.amazonaws.com/nodegroup=spot-batch', 2],
    ['eks.amazonaws.com/nodegroup!=spot-batch', 3],
    ['eks.amazonaws.com/nodegroup in (general,spot-batch)', 5],
    ['eks.amazonaws.com/nodegroup notin (general)', 2],
    ['eks.amazonaws.com/capacityType', 5],
    ['!karpenter.sh/nodepool', 5],
    ['topology.kubernetes.io/zone==us-west-2a,eks.amazonaws.com/nodegroup=general', 1],
  ])('node label selector %s → %d', async (labelSelector, count) => {
    expect((await admin().core.listNode({ labelSelector })).items).toHaveLength(count)
  })

  it('filters pods by field selectors and rejects unsupported fields', async () => {
    const { core } = admin()
    const pending = await core.listPodForAllNamespaces({ fieldSelector: 'status.phase=Pending' })
    expect(pending.items.length).toBeGreaterThan(0)
    expect(pending.items.every((p) => p.status?.phase === 'Pending')).toBe(true)
    const node = (await core.listNode()).items[0]?.metadata?.name ?? ''
    const onNode = await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${node},status.phase!=Running` })
    expect(onNode.items.every((p) => p.spec?.nodeName === node && p.status?.phase !== 'Running')).toBe(true)
    const byName = await core.listNamespacedServiceAccount({
      namespace: 'orders',
      fieldSelector: 'metadata.name=orders-api',
    })
    expect(byName.items.map((s) => s.metadata?.name)).toEqual(['orders-api'])
    await expectStatus(
      core.listNamespacedConfigMap({ namespace: 'default', fieldSelector: 'spec.nodeName=x' }),
      400,
      'BadRequest',
      'field label not supported: spec.nodeName',
    )
  })
})

describe('writes', () => {
  const ns = 'team-a'
  it('creates, merge-patches, strategic-patches, updates with optimistic concurrency and deletes a ConfigMap', async () => {
    const { core } = admin()
    const created = await core.createNamespacedConfigMap({
      namespace: ns,
      body: { metadata: { name: 'settings', labels: { app: 'web' } }, data: { a: '1' } },
    })
    expect(created.metadata?.resourceVersion).toBeTruthy()
    await expectStatus(
      core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'settings' } } }),
      409,
      'AlreadyExists',
      'configmaps "settings" already exists',
    )

    const merged = await core.patchNamespacedConfigMap(
      { namespace: ns, name: 'settings', body: { data: { b: '2', a: null } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    )
    expect(merged.data).toEqual({ b: '2' })
    const strategic = await core.patchNamespacedConfigMap(
      { namespace: ns, name: 'settings', body: { metadata: { labels: { tier: 'fe' } }, data: { c: '3' } } },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    )
    expect(strategic.data).toEqual({ b: '2', c: '3' })
    expect(strategic.metadata?.labels).toEqual({ app: 'web', tier: 'fe' })
    const jsonPatched = await core.patchNamespacedConfigMap(
      { namespace: ns, name: 'settings', body: [{ op: 'replace', path: '/data/c', value: '4' }] },
      setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
    )
    expect(jsonPatched.data?.c).toBe('4')

    const stale: V1ConfigMap = { ...created, data: { stale: 'yes' } }
    const body = await expectStatus(
      core.replaceNamespacedConfigMap({ namespace: ns, name: 'settings', body: stale }),
      409,
      'Conflict',
      /the object has been modified/,
    )
    expect(body.details).toMatchObject({ name: 'settings', kind: 'configmaps' })
    const fresh = await core.replaceNamespacedConfigMap({
      namespace: ns,
      name: 'settings',
      body: { ...jsonPatched, data: { fresh: 'yes' } },
    })
    expect(fresh.data).toEqual({ fresh: 'yes' })
    expect(Number(fresh.metadata?.resourceVersion)).toBeGreaterThan(Number(jsonPatched.metadata?.resourceVersion))

    await core.deleteNamespacedConfigMap({ namespace: ns, name: 'settings' })
    const gone = await expectStatus(
      core.readNamespacedConfigMap({ namespace: ns, name: 'settings' }),
      404,
      'NotFound',
      'configmaps "settings" not found',
    )
    expect(gone.details).toMatchObject({ name: 'settings', kind: 'configmaps' })
  })

  it('strategic-merge-patches a ServiceAccount: removes the IRSA annotation and merges secrets by name', async () => {
    const { core } = admin()
    await core.createNamespacedServiceAccount({
      namespace: ns,
      body: {
        metadata: {
          name: 'patch-me',
          annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/x', keep: 'y' },
        },
        secrets: [{ name: 's1' }],
      },
    })
    const patched = await core.patchNamespacedServiceAccount(
      {
        namespace: ns,
        name: 'patch-me',
        body: { metadata: { annotations: { 'eks.amazonaws.com/role-arn': null } }, secrets: [{ name: 's2' }] },
      },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    )
    expect(patched.metadata?.annotations).toEqual({ keep: 'y' })
    expect(patched.secrets?.map((s) => s.name)).toEqual(['s1', 's2'])
  })

  it('answers Status errors for bad input', async () => {
    const { core, rbac } = admin()
    await expectStatus(
      core.createNamespacedConfigMap({ namespace: 'no-such-ns', body: { metadata: { name: 'x' } } }),
      404,
      'NotFound',
      'namespaces "no-such-ns" not found',
    )
    await expectStatus(
      core.replaceNamespacedConfigMap({
        namespace: 'default',
        name: 'kube-root-ca.crt',
        body: { metadata: { name: 'other' } },
      }),
      400,
      'BadRequest',
      /does not match the name on the URL/,
    )
    const rb = await rbac.readNamespacedRoleBinding({ namespace: 'team-a', name: 'team-a-devs-edit' })
    await expectStatus(
      rbac.replaceNamespacedRoleBinding({
        namespace: 'team-a',
        name: 'team-a-devs-edit',
        body: { ...rb, roleRef: { ...rb.roleRef, name: 'admin' } },
      }),
      422,
      'Invalid',
      /cannot change roleRef/,
    )
  })
})
