/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
import { beforeAll, describe, expect, it, vi } from 'vitest'

import {
  anyVersion,
  callRoute,
  getConsoleSession,
  policyArn,
  roleArn,
  sessionFor,
  setUpConsoleAccessSandbox,
  userArn,
} from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

const sandbox = setUpConsoleAccessSandbox({ role: 'editor' })
let list: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
let one: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/route')
let policies: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/policies/route')
let policy: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/policies/[policy]/route')

const prod = { region: 'us-west-2', cluster: 'prod-web' }
const entry = (cluster: string, principal: string) => ({ region: 'us-west-2', cluster, principal })

beforeAll(async () => {
  list = await import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
  one = await import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/route')
  policies = await import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/policies/route')
  policy = await import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/policies/[policy]/route')
})

describe('GET access-entries', () => {
  it('lists every prod-web entry with details, policies, managed reasons and lockout risks', async () => {
    getConsoleSession.mockResolvedValue(sessionFor('viewer'))
    const { status, body } = await callRoute(list.GET, prod)
    expect(status).toBe(200)
    expect(body.available).toBe(true)
    expect(body.consolePrincipalArn).toBe(userArn('admin'))
    const teamA = body.entries.find((e: any) => e.principalArn === roleArn('TeamADeveloper'))
    expect(teamA.policies).toEqual([
      expect.objectContaining({
        policyName: 'AmazonEKSEditPolicy',
        accessScope: { type: 'namespace', namespaces: ['team-a'] },
      }),
    ])
    const node = body.entries.find((e: any) => e.principalArn === roleArn('eksNodeRole'))
    expect(node.managedReason).toMatch(/^Node role of managed node groups general and spot-batch:/)
    expect(node.nodeWarning).toBeNull()
    const admin = body.entries.find((e: any) => e.principalArn === userArn('admin'))
    expect(admin.lockoutRisk).toBe('console-principal')
  })

  it('marks the Auto Mode entries of ml-auto as managed, but not the custom node role', async () => {
    const { body } = await callRoute(list.GET, { region: 'us-west-2', cluster: 'ml-auto' })
    const managed = body.entries.filter((e: any) => e.managedReason).map((e: any) => e.principalName)
    expect(managed).toEqual(['AmazonEKSAutoClusterRole', 'AmazonEKSAutoNodeRole', 'AWSServiceRoleForAmazonEKS'])
    const reasons = Object.fromEntries(body.entries.map((e: any) => [e.principalName, e.managedReason]))
    expect(reasons.AmazonEKSAutoClusterRole).toMatch(/^Auto Mode cluster role/)
    expect(reasons.AmazonEKSAutoNodeRole).toMatch(/^Auto Mode node role/)
    expect(reasons.AWSServiceRoleForAmazonEKS).toMatch(/^Service-linked role/)
    const custom = body.entries.find((e: any) => e.principalName === 'MlAutoCustomNodeRole')
    expect(custom).toMatchObject({ type: 'EC2', managedReason: null, nodeWarning: expect.stringMatching(/NodeClass/) })
    expect(body.cluster.autoMode).toBe(true)
  })

  it("marks a Fargate profile's pod execution role as managed, naming the profile", async () => {
    const { body } = await callRoute(list.GET, { region: 'eu-west-1', cluster: 'eu-shop' })
    const fargate = body.entries.find((e: any) => e.principalName === 'AmazonEKSFargatePodExecutionRole')
    expect(fargate.managedReason).toMatch(/^Pod execution role of Fargate profile fp-checkout:/)
  })

  it('explains a CONFIG_MAP cluster instead of failing', async () => {
    const { status, body } = await callRoute(list.GET, { region: 'us-west-2', cluster: 'legacy-batch' })
    expect(status).toBe(200)
    expect(body).toMatchObject({ available: false, entries: [], cluster: { authenticationMode: 'CONFIG_MAP' } })
  })

  it('answers an unknown cluster with 404 and a bad name with 422', async () => {
    expect((await callRoute(list.GET, { region: 'us-west-2', cluster: 'nope' })).status).toBe(404)
    expect((await callRoute(list.GET, { region: 'us-west-2', cluster: '-bad' })).status).toBe(422)
  })

  it('maps an exhausted EKS outage to 503 with the service named', async () => {
    sandbox().sandbox.faults.replaceRules([
      { service: 'eks', operation: 'ListAccessEntries', kind: 'error', status: 503 },
    ])
    const { status, body } = await callRoute(list.GET, { ...prod }, { query: '?fresh=1' })
    expect(status).toBe(503)
    expect(body.error.message).toMatch(/EKS in us-west-2/)
  })
})

describe('POST access-entries (grant)', () => {
  it('creates the entry and associates each policy', async () => {
    const { status, body } = await callRoute(list.POST, prod, {
      method: 'POST',
      body: {
        principalArn: roleArn('orders-s3-reader'),
        kubernetesGroups: ['orders-devs'],
        accessPolicies: [
          {
            policyArn: policyArn('AmazonEKSViewPolicy'),
            accessScope: { type: 'namespace', namespaces: ['orders', 'shop-*'] },
          },
        ],
      },
    })
    expect(status).toBe(201)
    expect(body.complete).toBe(true)
    expect(body.steps.map((s: any) => s.status)).toEqual(['applied', 'applied'])
    expect(body.entry.policies[0].accessScope).toEqual({ type: 'namespace', namespaces: ['orders', 'shop-*'] })
  })

  it('reports "created, not associated" when the association step fails, and retry completes it', async () => {
    sandbox().sandbox.faults.replaceRules([
      { service: 'eks', operation: 'AssociateAccessPolicy', kind: 'error', status: 503 },
    ])
    const principalArn = roleArn('reports-writer')
    const { status, body } = await callRoute(list.POST, prod, {
      method: 'POST',
      body: {
        principalArn,
        accessPolicies: [
          { policyArn: policyArn('AmazonEKSEditPolicy'), accessScope: { type: 'namespace', namespaces: ['reports'] } },
          { policyArn: policyArn('AmazonEKSViewPolicy'), accessScope: { type: 'cluster' } },
        ],
      },
    })
    expect(status).toBe(201)
    expect(body.complete).toBe(false)
    expect(body.steps.map((s: any) => s.status)).toEqual(['applied', 'failed', 'not-attempted'])
    expect(body.steps[1].error.message).toMatch(/unavailable/)
    sandbox().sandbox.faults.clearRules()
    const retry = await callRoute(policies.POST, entry('prod-web', principalArn), {
      method: 'POST',
      headers: anyVersion,
      body: {
        policyArn: policyArn('AmazonEKSEditPolicy'),
        accessScope: { type: 'namespace', namespaces: ['reports'] },
      },
    })
    expect(retry.status).toBe(200)
    expect(retry.body.policies).toHaveLength(1)
  })

  it.each([
    {
      name: 'a duplicate entry (ResourceInUseException) on principalArn with 409',
      body: { principalArn: roleArn('TeamADeveloper') },
      status: 409,
      path: ['principalArn'],
      message: /already has an access entry/,
    },
    {
      name: 'a principal IAM does not know on principalArn with 422',
      body: { principalArn: roleArn('no-such-role') },
      status: 422,
      path: ['principalArn'],
      message: /IAM has no role or user/,
    },
    {
      name: 'a system: group on kubernetesGroups with 422 (schema)',
      body: { principalArn: roleArn('billing-irsa'), kubernetesGroups: ['system:masters'] },
      status: 422,
      path: ['kubernetesGroups', 0],
      message: /system:/,
    },
    {
      name: 'a reserved username with 422 (schema)',
      body: { principalArn: roleArn('billing-irsa'), username: 'eks:me' },
      status: 422,
      path: ['username'],
      message: /eks:/,
    },
    {
      name: 'a service-linked role with 422',
      body: {
        principalArn: 'arn:aws:iam::111122223333:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS',
      },
      status: 422,
      path: ['principalArn'],
      message: /Service-linked/,
    },
    {
      name: 'a cross-account node role with 422',
      body: { principalArn: 'arn:aws:iam::444455556666:role/x', type: 'EC2_LINUX' },
      status: 422,
      path: ['principalArn'],
      message: /cluster's account/,
    },
  ])('puts $name', async ({ body, status, path, message }) => {
    const response = await callRoute(list.POST, prod, { method: 'POST', body })
    expect(response.status).toBe(status)
    const issue = response.body.error.issues.find((i: any) => JSON.stringify(i.path) === JSON.stringify(path))
    expect(issue?.message).toMatch(message)
  })

  it('refuses a grant on a CONFIG_MAP cluster with a sentence about the mode', async () => {
    const { status, body } = await callRoute(
      list.POST,
      { region: 'us-west-2', cluster: 'legacy-batch' },
      { method: 'POST', body: { principalArn: roleArn('billing-irsa') } },
    )
    expect(status).toBe(409)
    expect(body.error.message).toMatch(/CONFIG_MAP/)
  })

  it('lets a viewer read but not write (403)', async () => {
    getConsoleSession.mockResolvedValue(sessionFor('viewer'))
    const { status } = await callRoute(list.POST, prod, {
      method: 'POST',
      body: { principalArn: roleArn('billing-irsa') },
    })
    expect(status).toBe(403)
  })

  it('creates an EC2 entry with AmazonEKSAutoNodePolicy for a custom Auto Mode node role', async () => {
    const { status, body } = await callRoute(
      list.POST,
      { region: 'us-west-2', cluster: 'ml-auto' },
      {
        method: 'POST',
        body: {
          principalArn: roleArn('eksNodeRole'),
          type: 'EC2',
          accessPolicies: [{ policyArn: policyArn('AmazonEKSAutoNodePolicy'), accessScope: { type: 'cluster' } }],
        },
      },
    )
    expect(status).toBe(201)
    expect(body.complete).toBe(true)
    expect(body.entry.type).toBe('EC2')
  })
})

describe('PATCH / DELETE an entry, associate / disassociate policies', () => {
  const teamB = entry('prod-web', roleArn('TeamBDeveloper'))

  it('changes username and groups', async () => {
    const { status, body } = await callRoute(one.PATCH, teamB, {
      method: 'PATCH',
      headers: anyVersion,
      body: { username: 'team-b:{{SessionName}}', kubernetesGroups: ['team-b-devs', 'oncall'] },
    })
    expect(status).toBe(200)
    expect(body.kubernetesGroups).toEqual(['team-b-devs', 'oncall'])
  })

  it('adds a policy, changes its scope, then removes it', async () => {
    const view = policyArn('AmazonEKSViewPolicy')
    let r = await callRoute(policies.POST, teamB, {
      method: 'POST',
      headers: anyVersion,
      body: { policyArn: view, accessScope: { type: 'namespace', namespaces: ['team-b'] } },
    })
    expect(r.status).toBe(200)
    r = await callRoute(policies.POST, teamB, {
      method: 'POST',
      headers: anyVersion,
      body: { policyArn: view, accessScope: { type: 'cluster' } },
    })
    expect(r.body.policies[0].accessScope.type).toBe('cluster')
    r = await callRoute(policy.DELETE, { ...teamB, policy: view }, { method: 'DELETE' })
    expect(r.status).toBe(200)
    expect(r.body.policies).toEqual([])
    r = await callRoute(policy.DELETE, { ...teamB, policy: view }, { method: 'DELETE' })
    expect(r.status).toBe(404)
  })

  it('rejects a non-STANDARD policy association with the EKS reason on the field', async () => {
    const r = await callRoute(policies.POST, entry('prod-web', roleArn('eksNodeRole')), {
      method: 'POST',
      headers: anyVersion,
      body: { policyArn: policyArn('AmazonEKSViewPolicy'), accessScope: { type: 'cluster' } },
    })
    expect(r.status).toBe(409)
    expect(r.body.error.message).toMatch(/managed by EKS/)
  })

  it('refuses every change to EKS-managed Auto Mode entries', async () => {
    const autoCluster = entry('ml-auto', roleArn('AmazonEKSAutoClusterRole'))
    expect((await callRoute(one.DELETE, autoCluster, { method: 'DELETE' })).status).toBe(409)
    expect(
      (
        await callRoute(one.PATCH, autoCluster, {
          method: 'PATCH',
          headers: anyVersion,
          body: { kubernetesGroups: ['x'] },
        })
      ).status,
    ).toBe(409)
    const node = entry('ml-auto', roleArn('AmazonEKSAutoNodeRole'))
    const r = await callRoute(
      policy.DELETE,
      { ...node, policy: policyArn('AmazonEKSAutoNodePolicy') },
      { method: 'DELETE' },
    )
    expect(r.status).toBe(409)
    expect(r.body.error.message).toMatch(/Auto Mode/)
  })

  it('deletes the custom Auto Mode node role entry (the customer created it), but not a Fargate profile role', async () => {
    const custom = entry('ml-auto', roleArn('MlAutoCustomNodeRole'))
    expect((await callRoute(one.DELETE, custom, { method: 'DELETE' })).status).toBe(200)
    expect((await callRoute(one.GET, custom)).status).toBe(404)
    const fargate = { region: 'eu-west-1', cluster: 'eu-shop', principal: roleArn('AmazonEKSFargatePodExecutionRole') }
    const refused = await callRoute(one.DELETE, fargate, { method: 'DELETE' })
    expect(refused.status).toBe(409)
    expect(refused.body.error.message).toMatch(/Fargate profile fp-checkout/)
  })

  it("guards the console's own principal: editors are refused, admins must type the cluster name", async () => {
    const admin = entry('eu-shop', userArn('admin'))
    const euAdmin = { ...admin, region: 'eu-west-1' }
    let r = await callRoute(one.DELETE, euAdmin, { method: 'DELETE' })
    expect(r.status).toBe(403)
    getConsoleSession.mockResolvedValue(sessionFor('admin'))
    r = await callRoute(one.DELETE, euAdmin, { method: 'DELETE' })
    expect(r.status).toBe(409)
    expect(r.body.error.issues[0].path).toEqual(['confirmClusterName'])
    r = await callRoute(one.DELETE, euAdmin, { method: 'DELETE', body: { confirmClusterName: 'eu-shop' } })
    expect(r.status).toBe(200)
  })

  it('guards the last cluster-admin path', async () => {
    getConsoleSession.mockResolvedValue(sessionFor('admin'))
    // eu-shop now has one cluster admin left (PlatformAdmin), after the test above removed user/admin.
    const platform = { region: 'eu-west-1', cluster: 'eu-shop', principal: roleArn('PlatformAdmin') }
    let r = await callRoute(
      policy.DELETE,
      { ...platform, policy: policyArn('AmazonEKSClusterAdminPolicy') },
      { method: 'DELETE' },
    )
    expect(r.status).toBe(409)
    expect(r.body.error.message).toMatch(/last access entry with AmazonEKSClusterAdminPolicy/)
    r = await callRoute(policies.POST, platform, {
      method: 'POST',
      headers: anyVersion,
      body: {
        policyArn: policyArn('AmazonEKSClusterAdminPolicy'),
        accessScope: { type: 'namespace', namespaces: ['a'] },
      },
    })
    expect(r.status).toBe(409)
  })

  it('answers a deleted entry with 404', async () => {
    const r = await callRoute(one.GET, entry('prod-web', roleArn('no-entry-here')))
    expect(r.status).toBe(404)
    expect(r.body.error.message).toMatch(/no access entry/i)
  })
})
