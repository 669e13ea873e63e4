// EKS-style authorization through the real @kubernetes/client-node: system:masters, access policies by scope
// (cluster / namespace with wildcards, rules from lib/access/policy-catalogue.ts), RBAC via groups, Forbidden
// Status bodies, and the review APIs.
import { ApiException, type CoreV1Api } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { EU_SHOP, PROD_WEB, startTestKubeApi, type TestKubeApi } from '@/sandbox/kube/testing/start-test-kube-api'

const policy = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`
let t: TestKubeApi

beforeAll(async () => {
  t = await startTestKubeApi({
    admin: { user: { username: 'admin', groups: ['system:masters'] } },
    auditor: {
      user: { username: 'auditor', groups: [] },
      accessPolicies: [{ policyArn: policy('AmazonEKSViewPolicy'), scope: { type: 'cluster' } }],
    },
    shopdev: {
      user: { username: 'shop-dev', groups: [] },
      accessPolicies: [
        { policyArn: policy('AmazonEKSEditPolicy'), scope: { type: 'namespace', namespaces: ['shop-*'] } },
      ],
    },
    teamb: { user: { username: 'team-b:bob', groups: ['team-b-devs'] } },
    nobody: { user: { username: 'nobody', groups: [] } },
    policyadmin: {
      user: { username: 'policy-admin', groups: [] },
      accessPolicies: [{ policyArn: policy('AmazonEKSClusterAdminPolicy'), scope: { type: 'cluster' } }],
    },
  })
})
afterAll(async () => t?.close())

type Attempt = (core: CoreV1Api) => Promise<unknown>
const listPods =
  (namespace?: string): Attempt =>
  (core) =>
    namespace ? core.listNamespacedPod({ namespace }) : core.listPodForAllNamespaces()
const createCm =
  (namespace: string): Attempt =>
  (core) =>
    core.createNamespacedConfigMap({ namespace, body: { metadata: { generateName: 'authz-' } } })
const listNodes: Attempt = (core) => core.listNode()
const deletePod =
  (namespace: string): Attempt =>
  async (core) => {
    const name =
      (await t.clientsFor('admin', EU_SHOP).core.listNamespacedPod({ namespace })).items[0]?.metadata?.name ?? 'x'
    return core.deleteNamespacedPod({ namespace, name, dryRun: 'All' })
  }

describe('authorization table', () => {
  it.each<[string, string, typeof PROD_WEB, Attempt, number | 'ok', RegExp?]>([
    ['masters list nodes', 'admin', PROD_WEB, listNodes, 'ok'],
    ['view policy (cluster) lists pods everywhere', 'auditor', PROD_WEB, listPods(), 'ok'],
    [
      'view policy cannot create',
      'auditor',
      PROD_WEB,
      createCm('team-a'),
      403,
      /configmaps is forbidden: User "auditor" cannot create resource "configmaps" in API group "" in the namespace "team-a"/,
    ],
    ['namespace scope with wildcard: allowed in shop-web', 'shopdev', EU_SHOP, createCm('shop-web'), 'ok'],
    ['namespace scope with wildcard: delete pod in shop-api', 'shopdev', EU_SHOP, deletePod('shop-api'), 'ok'],
    [
      'namespace scope: other namespace denied',
      'shopdev',
      EU_SHOP,
      listPods('payments'),
      403,
      /in the namespace "payments"/,
    ],
    [
      'namespace scope: all-namespaces list denied',
      'shopdev',
      EU_SHOP,
      listPods(),
      403,
      /cannot list resource "pods" in API group "" at the cluster scope/,
    ],
    ['RBAC group binding: edit in team-b', 'teamb', PROD_WEB, createCm('team-b'), 'ok'],
    [
      'RBAC group binding: nothing in team-a',
      'teamb',
      PROD_WEB,
      listPods('team-a'),
      403,
      /User "team-b:bob" cannot list/,
    ],
    [
      'no grant: nodes',
      'nobody',
      PROD_WEB,
      listNodes,
      403,
      /nodes is forbidden: User "nobody" cannot list resource "nodes" in API group "" at the cluster scope/,
    ],
    ['unknown token', 'bogus', PROD_WEB, listNodes, 401, /^Unauthorized$/],
  ])('%s', async (_name, token, cluster, attempt, expected, message) => {
    const result = await attempt(t.clientsFor(token, cluster).core).then(
      () => 'ok' as const,
      (e: unknown) => e,
    )
    if (expected === 'ok') {
      expect(result).toBe('ok')
      return
    }
    expect(result).toBeInstanceOf(ApiException)
    const e = result as ApiException<string>
    expect(e.code).toBe(expected)
    // client-node declares 401 without a body schema and drops it; the raw Status is checked below.
    if (expected === 401) return
    const body = JSON.parse(e.body) as { kind: string; reason: string; message: string; code: number }
    expect(body).toMatchObject({
      kind: 'Status',
      code: expected,
      reason: expected === 401 ? 'Unauthorized' : 'Forbidden',
    })
    expect(body.message).toMatch(message ?? /./)
  })
})

it('drops access-policy permissions for an impersonated identity (EKS), keeping RBAC', async () => {
  const { request } = await import('node:https')
  const get = (token: string, p: string, headers: Record<string, string> = {}) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        new URL(`${t.api.endpointFor(PROD_WEB)}${p}`),
        { ca: t.api.caCertPem, headers: { authorization: `Bearer ${token}`, ...headers } },
        (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode ?? 0))
        },
      )
      req.on('error', reject)
      req.end()
    })
  // The cluster-admin access policy lets `policyadmin` impersonate anyone...
  expect(await get('policyadmin', '/api/v1/pods')).toBe(200)
  // ...but impersonating itself drops the policy: only RBAC is left, which grants it nothing.
  expect(await get('policyadmin', '/api/v1/pods', { 'impersonate-user': 'policy-admin' })).toBe(403)
  expect(
    await get('policyadmin', '/api/v1/namespaces/team-b/pods', {
      'impersonate-user': 'policy-admin',
      'impersonate-group': 'team-b-devs',
    }),
  ).toBe(200)
})

it('answers an unauthenticated request with a 401 Unauthorized Status body', async () => {
  const { request } = await import('node:https')
  const url = new URL(`${t.api.endpointFor(PROD_WEB)}/api/v1/namespaces`)
  const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { ca: t.api.caCertPem, headers: { authorization: 'Bearer bogus' } }, (res) => {
      let data = ''
      res.on('data', (c: Buffer) => (data += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }))
    })
    req.on('error', reject)
    req.end()
  })
  expect(status).toBe(401)
  expect(JSON.parse(body)).toEqual({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'Unauthorized',
    reason: 'Unauthorized',
    code: 401,
  })
})

describe('review APIs', () => {
  it.each<[string, string, Record<string, string>, boolean]>([
    ['auditor', 'list pods cluster-wide', { verb: 'list', resource: 'pods' }, true],
    ['auditor', 'delete pods', { verb: 'delete', resource: 'pods', namespace: 'team-a' }, false],
    ['teamb', 'update configmaps in team-b', { verb: 'update', resource: 'configmaps', namespace: 'team-b' }, true],
    ['teamb', 'list secrets in kube-system', { verb: 'list', resource: 'secrets', namespace: 'kube-system' }, false],
    [
      'nobody',
      'create selfsubjectaccessreviews',
      { verb: 'create', resource: 'selfsubjectaccessreviews', group: 'authorization.k8s.io' },
      true,
    ],
  ])('SelfSubjectAccessReview for %s: %s', async (token, _what, resourceAttributes, allowed) => {
    const review = await t
      .clientsFor(token, PROD_WEB)
      .authz.createSelfSubjectAccessReview({ body: { spec: { resourceAttributes } } })
    expect(review.status?.allowed).toBe(allowed)
  })

  it('answers non-resource reviews (discovery is allowed to every authenticated user)', async () => {
    const { authz } = t.clientsFor('nobody', PROD_WEB)
    expect(
      (
        await authz.createSelfSubjectAccessReview({
          body: { spec: { nonResourceAttributes: { path: '/apis', verb: 'get' } } },
        })
      ).status?.allowed,
    ).toBe(true)
    expect(
      (
        await authz.createSelfSubjectAccessReview({
          body: { spec: { nonResourceAttributes: { path: '/metrics', verb: 'get' } } },
        })
      ).status?.allowed,
    ).toBe(false)
  })

  it('SubjectAccessReview evaluates another subject and needs permission to create it', async () => {
    const sar = {
      spec: {
        user: 'someone',
        groups: ['team-a-devs'],
        resourceAttributes: { verb: 'create', resource: 'pods', namespace: 'team-a' },
      },
    }
    expect((await t.clientsFor('admin', PROD_WEB).authz.createSubjectAccessReview({ body: sar })).status?.allowed).toBe(
      true,
    )
    const denied = await t
      .clientsFor('nobody', PROD_WEB)
      .authz.createSubjectAccessReview({ body: sar })
      .catch((e: unknown) => e)
    expect((denied as ApiException<string>).code).toBe(403)
    const local = await t.clientsFor('admin', PROD_WEB).authz.createNamespacedLocalSubjectAccessReview({
      namespace: 'team-b',
      body: {
        spec: {
          user: 'someone',
          groups: ['team-a-devs'],
          resourceAttributes: { verb: 'create', resource: 'pods', namespace: 'team-b' },
        },
      },
    })
    expect(local.status?.allowed).toBe(false)
  })

  it('SelfSubjectReview reports the user with system:authenticated', async () => {
    const review = await t.clientsFor('teamb', PROD_WEB).authn.createSelfSubjectReview({ body: {} })
    expect(review.status?.userInfo).toMatchObject({
      username: 'team-b:bob',
      groups: ['team-b-devs', 'system:authenticated'],
    })
  })

  it('SelfSubjectRulesReview lists RBAC rules only, incomplete when access policies apply', async () => {
    const rbacOnly = await t
      .clientsFor('teamb', PROD_WEB)
      .authz.createSelfSubjectRulesReview({ body: { spec: { namespace: 'team-b' } } })
    expect(rbacOnly.status?.incomplete).toBe(false)
    expect(
      rbacOnly.status?.resourceRules.some((r) => r.resources?.includes('configmaps') && r.verbs.includes('update')),
    ).toBe(true)
    const withPolicies = await t
      .clientsFor('auditor', PROD_WEB)
      .authz.createSelfSubjectRulesReview({ body: { spec: { namespace: 'team-b' } } })
    expect(withPolicies.status?.incomplete).toBe(true)
    // The View policy lets the auditor list pods, but the rules review cannot show it (EKS webhook).
    expect(withPolicies.status?.resourceRules.some((r) => r.resources?.includes('pods'))).toBe(false)
  })
})
