/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
// The RBAC routes end to end against the sandbox: lists and details read as the console (aggregation resolved, a
// binding to a missing role shown as such), bindings created and deleted (audited), a delete that lost the race to a
// concurrent change refused with 409 in words, a taken name refused with 409 on the name field, and Kubernetes' RBAC
// escalation prevention explained when the console's own identity lacks what it would grant.
import { RbacAuthorizationV1Api } from '@kubernetes/client-node'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { ACCOUNT, callRoute, policyArn, roleArn, setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

const sandbox = setUpConsoleAccessSandbox({ role: 'editor' })
const prod = { region: 'us-west-2', cluster: 'prod-web' }
const B = '@/app/api/clusters/[region]/[cluster]/rbac'
let routes: {
  overview: typeof import('@/app/api/clusters/[region]/[cluster]/rbac/route')
  clusterRole: typeof import('@/app/api/clusters/[region]/[cluster]/rbac/cluster-roles/[name]/route')
  roleBindings: typeof import('@/app/api/clusters/[region]/[cluster]/rbac/role-bindings/route')
  roleBinding: typeof import('@/app/api/clusters/[region]/[cluster]/rbac/role-bindings/[namespace]/[name]/route')
  clusterRoleBindings: typeof import('@/app/api/clusters/[region]/[cluster]/rbac/cluster-role-bindings/route')
  subject: typeof import('@/app/api/clusters/[region]/[cluster]/rbac/subjects/[kind]/[name]/route')
  audit: typeof import('@/app/api/audit/route')
}
let admin: RbacAuthorizationV1Api

beforeAll(async () => {
  routes = {
    overview: await import(`${B}/route`),
    clusterRole: await import(`${B}/cluster-roles/[name]/route`),
    roleBindings: await import(`${B}/role-bindings/route`),
    roleBinding: await import(`${B}/role-bindings/[namespace]/[name]/route`),
    clusterRoleBindings: await import(`${B}/cluster-role-bindings/route`),
    subject: await import(`${B}/subjects/[kind]/[name]/route`),
    audit: await import('@/app/api/audit/route'),
  }
  admin = (await sandbox().kubeConfigFor({ region: 'us-west-2', name: 'prod-web' }, 'admin')).makeApiClient(
    RbacAuthorizationV1Api,
  )
})

const groupBinding = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  namespace: 'team-a',
  roleKind: 'ClusterRole',
  roleName: 'view',
  subjectKind: 'Group',
  subjectName: 'rbac-test-devs',
  ...extra,
})
const auditOf = async (action: string) =>
  (await callRoute(routes.audit.GET, {}, { query: `?action=${action}` })).body.events

describe('reading RBAC', () => {
  it('lists every kind, with aggregated ClusterRoles and bindings to missing roles marked', async () => {
    const { status, body } = await callRoute(routes.overview.GET, prod)
    expect(status).toBe(200)
    expect(body.clusterRoles.find((r: any) => r.name === 'platform-ops')).toMatchObject({ aggregatedFrom: 2 })
    expect(body.roleBindings.find((b: any) => b.name === 'billing-deployer')).toMatchObject({
      namespace: 'billing',
      roleExists: false,
    })
    expect(body.subjects).toContainEqual({ kind: 'Group', name: 'platform-ops', namespace: null, bindingCount: 1 })
    expect(body.roles.length).toBeGreaterThan(0)
    expect(body.clusterRoleBindings.length).toBeGreaterThan(0)
  })

  it('a ClusterRole aggregated from two sources: selectors, sources, each rule’s source, its binding and YAML', async () => {
    const { status, body } = await callRoute(routes.clusterRole.GET, { ...prod, name: 'platform-ops' })
    expect(status).toBe(200)
    expect(body.aggregation).toEqual({
      selectors: [{ matchLabels: { 'rbac.example.com/aggregate-to-platform-ops': 'true' } }],
      sources: ['platform-ops-debug', 'platform-ops-nodes'],
    })
    expect(new Set(body.rules.map((r: any) => r.source))).toEqual(new Set(['platform-ops-debug', 'platform-ops-nodes']))
    expect(body.bindings.map((b: any) => b.name)).toEqual(['platform-ops'])
    expect(body.meta.yaml).toContain('aggregationRule:')
    expect(body.meta.yaml).not.toContain('managedFields')
    expect((await callRoute(routes.clusterRole.GET, { ...prod, name: 'no-such-role' })).status).toBe(404)
  })

  it('a binding to a missing role, and a subject page with the rules each binding brings', async () => {
    const binding = await callRoute(routes.roleBinding.GET, { ...prod, namespace: 'billing', name: 'billing-deployer' })
    expect(binding.body.binding).toMatchObject({
      roleExists: false,
      roleRef: { kind: 'ClusterRole', name: 'billing-deployer' },
    })
    expect(binding.body.rules).toEqual([])
    const subject = await callRoute(routes.subject.GET, { ...prod, kind: 'Group', name: 'platform-ops' })
    expect(subject.body.bindings).toEqual([
      expect.objectContaining({ scope: null, binding: expect.objectContaining({ name: 'platform-ops' }) }),
    ])
    expect(subject.body.bindings[0].rules.length).toBeGreaterThan(0)
    const sa = await callRoute(
      routes.subject.GET,
      { ...prod, kind: 'ServiceAccount', name: 'orders-api' },
      { query: '?namespace=orders' },
    )
    expect(sa.body.bindings.map((b: any) => b.binding.name)).toEqual(['orders-api-settings'])
    expect((await callRoute(routes.subject.GET, { ...prod, kind: 'ServiceAccount', name: 'x' })).status).toBe(422)
  })
})

describe('creating and deleting bindings', () => {
  it('creates a RoleBinding (audited), refuses the same name with 409 on the name field, deletes it (audited)', async () => {
    const created = await callRoute(routes.roleBindings.POST, prod, {
      method: 'POST',
      body: groupBinding('rbac-test-view'),
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ binding: { name: 'rbac-test-view', namespace: 'team-a' }, expiresAt: null })
    const stored = await admin.readNamespacedRoleBinding({ namespace: 'team-a', name: 'rbac-test-view' })
    expect(stored.subjects).toEqual([{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'rbac-test-devs' }])
    expect(await auditOf('role-binding.create')).toContainEqual(
      expect.objectContaining({ target: 'RoleBinding team-a/rbac-test-view', result: 'succeeded' }),
    )

    const again = await callRoute(routes.roleBindings.POST, prod, {
      method: 'POST',
      body: groupBinding('rbac-test-view'),
    })
    expect(again.status).toBe(409)
    expect(again.body.error.message).toBe(
      'rolebindings.rbac.authorization.k8s.io/rbac-test-view already exists in namespace team-a on prod-web; choose another name, or delete the existing one first.',
    )
    expect(again.body.error.issues[0].path).toEqual(['name'])

    const params = { ...prod, namespace: 'team-a', name: 'rbac-test-view' }
    const detail = await callRoute(routes.roleBinding.GET, params)
    const deleted = await callRoute(routes.roleBinding.DELETE, params, {
      method: 'DELETE',
      body: { resourceVersion: detail.body.meta.resourceVersion, uid: detail.body.meta.uid },
    })
    expect(deleted.status).toBe(200)
    expect((await callRoute(routes.roleBinding.GET, params)).status).toBe(404)
    expect(await auditOf('role-binding.delete')).toContainEqual(
      expect.objectContaining({ target: 'RoleBinding team-a/rbac-test-view', result: 'succeeded' }),
    )
  })

  it('refuses a delete that lost the race to a concurrent change: 409 in words, the binding stays', async () => {
    await callRoute(routes.roleBindings.POST, prod, { method: 'POST', body: groupBinding('rbac-test-race') })
    const params = { ...prod, namespace: 'team-a', name: 'rbac-test-race' }
    const loaded = (await callRoute(routes.roleBinding.GET, params)).body.meta
    // Someone else adds a subject after the page loaded the binding.
    const current = await admin.readNamespacedRoleBinding({ namespace: 'team-a', name: 'rbac-test-race' })
    await admin.replaceNamespacedRoleBinding({
      namespace: 'team-a',
      name: 'rbac-test-race',
      body: {
        ...current,
        subjects: [...(current.subjects ?? []), { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'eve' }],
      },
    })
    const refused = await callRoute(routes.roleBinding.DELETE, params, {
      method: 'DELETE',
      body: { resourceVersion: loaded.resourceVersion, uid: loaded.uid },
    })
    expect(refused.status).toBe(409)
    expect(refused.body.error.message).toMatch(
      /^rolebindings\.rbac\.authorization\.k8s\.io\/rbac-test-race in namespace team-a changed since you loaded it, so nothing was deleted\./,
    )
    expect((await callRoute(routes.roleBinding.GET, params)).status).toBe(200)
    expect(await auditOf('role-binding.delete')).toContainEqual(
      expect.objectContaining({ target: 'RoleBinding team-a/rbac-test-race', result: 'failed' }),
    )
  })

  it('a ClusterRoleBinding for a user; a ClusterRoleBinding to a Role is refused by the shared schema', async () => {
    const created = await callRoute(routes.clusterRoleBindings.POST, prod, {
      method: 'POST',
      body: {
        name: 'rbac-test-crb',
        roleKind: 'ClusterRole',
        roleName: 'view',
        subjectKind: 'User',
        subjectName: 'jane',
      },
    })
    expect(created.status).toBe(201)
    expect(await auditOf('cluster-role-binding.create')).toContainEqual(
      expect.objectContaining({ target: 'ClusterRoleBinding rbac-test-crb' }),
    )
    const refused = await callRoute(routes.clusterRoleBindings.POST, prod, {
      method: 'POST',
      body: { name: 'x', roleKind: 'Role', roleName: 'r', subjectKind: 'User', subjectName: 'jane' },
    })
    expect(refused.status).toBe(422)
    expect(refused.body.error.issues).toContainEqual({
      path: ['roleKind'],
      message: 'A ClusterRoleBinding can only reference a ClusterRole.',
    })
  })

  it('explains Kubernetes’ escalation prevention when the console’s identity lacks what the role grants', async () => {
    const { createKubeConnector } = await import('@/lib/k8s/kube-connection')
    const { setKubeConnector } = await import('@/lib/k8s/kube-clients')
    const { describeEksCluster } = await import('@/lib/aws/eks-clusters')
    // A namespace admin by access policy only: AmazonEKSAdminPolicy on team-a lets it create RoleBindings there (the
    // EKS authorizer allows the request), but it holds no RBAC rules of its own and no `bind`.
    const { CreateRoleCommand, IAMClient } = await import('@aws-sdk/client-iam')
    const iam = new IAMClient(sandbox().admin)
    const trust = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }],
    }
    await iam.send(
      new CreateRoleCommand({ RoleName: 'rbac-ns-admin', AssumeRolePolicyDocument: JSON.stringify(trust) }),
    )
    const entries = await import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
    const entry = await callRoute(entries.POST, prod, {
      method: 'POST',
      body: {
        principalArn: roleArn('rbac-ns-admin'),
        type: 'STANDARD',
        kubernetesGroups: [],
        accessPolicies: [
          { policyArn: policyArn('AmazonEKSAdminPolicy'), accessScope: { type: 'namespace', namespaces: ['team-a'] } },
        ],
      },
    })
    expect(entry.status).toBe(201)
    const credentials = await sandbox().credentialsFor({ roleArn: roleArn('rbac-ns-admin') })
    setKubeConnector(
      createKubeConnector({
        async describeCluster(ref) {
          const c = await describeEksCluster(ref.region, ref.name)
          return { arn: c.arn, status: c.status, endpoint: c.endpoint, caData: c.certificateAuthority?.data }
        },
        getCredentials: async () => credentials,
        stsEndpointUrl: sandbox().url,
      }),
    )
    try {
      const refused = await callRoute(routes.roleBindings.POST, prod, {
        method: 'POST',
        body: groupBinding('rbac-test-escalate', { roleName: 'edit' }),
      })
      expect(refused.status).toBe(403)
      expect(refused.body.error.message).toMatch(
        /^Kubernetes refused to create this binding: the console's own identity on prod-web does not hold every permission the role grants \(missing: .*secrets.*\), and nobody may grant permissions they do not hold unless they are allowed to "bind" that role\./,
      )
    } finally {
      setKubeConnector(undefined)
    }
  })
})
