// RBAC escalation prevention through the real kubectl and client-node: a principal who may create RoleBindings and
// Roles cannot grant what it does not hold, unless it has `bind` / `escalate`; access policies count only through
// those two checks (the EKS webhook is an authorizer, not an RBAC rule source).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ApiException } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PROD_WEB, startTestKubeApi, type TestKubeApi } from '@/sandbox/kube/testing/start-test-kube-api'
import { runKubectlAs, writeTokenKubeconfig } from '@/sandbox/kube/testing/token-kubectl'

const policy = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`
const USERS = ['admin', 'lead', 'nsadmin', 'clusteradmin'] as const
let t: TestKubeApi
let dir: string

beforeAll(async () => {
  t = await startTestKubeApi({
    admin: { user: { username: 'admin', groups: ['system:masters'] } },
    lead: { user: { username: 'lead', groups: ['leads'] } },
    nsadmin: {
      user: { username: 'ns-admin', groups: [] },
      accessPolicies: [
        { policyArn: policy('AmazonEKSAdminPolicy'), scope: { type: 'namespace', namespaces: ['team-a'] } },
      ],
    },
    clusteradmin: {
      user: { username: 'cluster-admin-by-policy', groups: [] },
      accessPolicies: [{ policyArn: policy('AmazonEKSClusterAdminPolicy'), scope: { type: 'cluster' } }],
    },
  })
  const { rbac } = t.clientsFor('admin', PROD_WEB)
  const rules = [
    { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles', 'rolebindings'], verbs: ['create', 'get'] },
    { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
  ]
  await rbac.createNamespacedRole({ namespace: 'team-a', body: { metadata: { name: 'lead' }, rules } })
  await rbac.createNamespacedRoleBinding({
    namespace: 'team-a',
    body: {
      metadata: { name: 'lead' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'lead' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'leads' }],
    },
  })
  await rbac.createClusterRole({
    body: {
      metadata: { name: 'escalation-secret-reader' },
      rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] }],
    },
  })
  await rbac.createClusterRole({
    body: { metadata: { name: 'pod-reader' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] },
  })
  dir = mkdtempSync(path.join(tmpdir(), 'kube-escalation-'))
  writeTokenKubeconfig(dir, { server: t.api.endpointFor(PROD_WEB), caCertPem: t.api.caCertPem }, USERS)
})
afterAll(async () => {
  await t?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const kubectl = (user: (typeof USERS)[number], ...args: string[]) => runKubectlAs(dir, user, ...args)

const bindingTo = (name: string, clusterRole: string) => ({
  metadata: { name },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterRole },
  subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'someone' }],
})

describe('RBAC escalation prevention', () => {
  it('refuses a RoleBinding to a role whose permissions the caller lacks, with kube-apiserver’s message and 403', async () => {
    const r = await kubectl(
      'lead',
      'create',
      'rolebinding',
      'grab',
      '--clusterrole=escalation-secret-reader',
      '--user=x',
      '-n',
      'team-a',
    )
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain(
      'rolebindings.rbac.authorization.k8s.io "grab" is forbidden: user "lead" (groups=["leads" "system:authenticated"]) ' +
        'is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["secrets"], Verbs:["get" "list"]}',
    )
    const { rbac } = t.clientsFor('lead', PROD_WEB)
    const err = await rbac
      .createNamespacedRoleBinding({ namespace: 'team-a', body: bindingTo('grab', 'escalation-secret-reader') })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiException)
    expect((err as ApiException<string>).code).toBe(403)
    expect(JSON.parse((err as ApiException<string>).body)).toMatchObject({ reason: 'Forbidden', code: 403 })
  })

  it('allows binding a role whose permissions the caller holds in that namespace', async () => {
    const r = await kubectl(
      'lead',
      'create',
      'rolebinding',
      'readers',
      '--clusterrole=pod-reader',
      '--user=x',
      '-n',
      'team-a',
    )
    expect(r.stderr).toBe('')
    expect(r.stdout).toContain('rolebinding.rbac.authorization.k8s.io/readers created')
    // …but not in a namespace where it holds nothing (nor may it create bindings there).
    const elsewhere = await kubectl(
      'lead',
      'create',
      'rolebinding',
      'readers',
      '--clusterrole=pod-reader',
      '--user=x',
      '-n',
      'team-b',
    )
    expect(elsewhere.code).not.toBe(0)
  })

  it('refuses a Role granting more than the caller holds, and allows it with escalate', async () => {
    const args = ['create', 'role', 'peek', '--verb=get', '--resource=configmaps', '-n', 'team-a'] as const
    const refused = await kubectl('lead', ...args)
    expect(refused.stderr).toContain(
      'roles.rbac.authorization.k8s.io "peek" is forbidden: user "lead" (groups=["leads" "system:authenticated"]) ' +
        'is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["configmaps"], Verbs:["get"]}',
    )
    const within = await kubectl(
      'lead',
      'create',
      'role',
      'pods-only',
      '--verb=list',
      '--resource=pods',
      '-n',
      'team-a',
    )
    expect(within.code).toBe(0)
    await grantToLeads('escalate', 'roles')
    const allowed = await kubectl('lead', ...args)
    expect(allowed.stderr).toBe('')
    expect(allowed.code).toBe(0)
  })

  it('allows the RoleBinding once the caller has bind on that role', async () => {
    await grantToLeads('bind', 'clusterroles', ['escalation-secret-reader'])
    const r = await kubectl(
      'lead',
      'create',
      'rolebinding',
      'grab',
      '--clusterrole=escalation-secret-reader',
      '--user=x',
      '-n',
      'team-a',
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
  })

  it('counts access policies only through bind/escalate: cluster admin may, namespace admin may not', async () => {
    const nsAdmin = await kubectl(
      'nsadmin',
      'create',
      'rolebinding',
      'v',
      '--clusterrole=view',
      '--user=x',
      '-n',
      'team-a',
    )
    expect(nsAdmin.stderr).toContain(
      'rolebindings.rbac.authorization.k8s.io "v" is forbidden: user "ns-admin" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:',
    )
    const admin = await kubectl(
      'clusteradmin',
      'create',
      'rolebinding',
      'v',
      '--clusterrole=view',
      '--user=x',
      '-n',
      'team-a',
    )
    expect(admin.stderr).toBe('')
    expect(admin.code).toBe(0)
  })

  it('refuses a binding to a role that does not exist', async () => {
    const r = await kubectl('lead', 'create', 'rolebinding', 'ghost', '--role=no-such-role', '--user=x', '-n', 'team-a')
    expect(r.stderr).toContain('roles.rbac.authorization.k8s.io "no-such-role" not found')
  })
})

/** Gives group `leads` one more rule in team-a through a fresh Role + RoleBinding (made by the admin). */
async function grantToLeads(verb: string, resource: string, resourceNames?: string[]) {
  const { rbac } = t.clientsFor('admin', PROD_WEB)
  const name = `leads-${verb}`
  await rbac.createNamespacedRole({
    namespace: 'team-a',
    body: {
      metadata: { name },
      rules: [{ apiGroups: ['rbac.authorization.k8s.io'], resources: [resource], verbs: [verb], resourceNames }],
    },
  })
  await rbac.createNamespacedRoleBinding({
    namespace: 'team-a',
    body: {
      metadata: { name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'leads' }],
    },
  })
}
