/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
import {
  CreateOpenIDConnectProviderCommand,
  DeleteOpenIDConnectProviderCommand,
  DeleteRoleCommand,
  GetOpenIDConnectProviderCommand,
  GetRoleCommand,
  IAMClient,
} from '@aws-sdk/client-iam'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { callRoute, getConsoleSession, roleArn, sessionFor, setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

const base = '@/app/api/clusters/[region]/[cluster]'
const sandbox = setUpConsoleAccessSandbox({ role: 'editor' })
let iam: IAMClient
let mappings: typeof import('@/app/api/clusters/[region]/[cluster]/workload-identity/route')
let trustFix: typeof import('@/app/api/clusters/[region]/[cluster]/workload-identity/trust-fix/route')
let oidc: typeof import('@/app/api/clusters/[region]/[cluster]/oidc-provider/route')
let clientIds: typeof import('@/app/api/clusters/[region]/[cluster]/oidc-provider/client-ids/route')
let audit: typeof import('@/app/api/audit/route')
let pias: typeof import('@/app/api/clusters/[region]/[cluster]/pod-identity-associations/route')
let pia: typeof import('@/app/api/clusters/[region]/[cluster]/pod-identity-associations/[associationId]/route')
let sas: typeof import('@/app/api/clusters/[region]/[cluster]/service-accounts/route')
let sa: typeof import('@/app/api/clusters/[region]/[cluster]/service-accounts/[namespace]/[name]/route')
let roles: typeof import('@/app/api/iam/roles/route')

const prod = { region: 'us-west-2', cluster: 'prod-web' }
const legacy = { region: 'us-west-2', cluster: 'legacy-batch' }
const ml = { region: 'us-west-2', cluster: 'ml-auto' }
const find = (body: any, ns: string, name: string) =>
  body.mappings.find((m: any) => m.namespace === ns && m.serviceAccount === name)
const check = (mapping: any, id: string) => mapping.checks.find((c: any) => c.id === id)
const trustOf = async (name: string) => {
  const { Role } = await iam.send(new GetRoleCommand({ RoleName: name }))
  return JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? ''))
}

beforeAll(async () => {
  iam = new IAMClient({ ...sandbox().admin, region: 'us-east-1' })
  mappings = await import(`${base}/workload-identity/route`)
  trustFix = await import(`${base}/workload-identity/trust-fix/route`)
  oidc = await import(`${base}/oidc-provider/route`)
  clientIds = await import(`${base}/oidc-provider/client-ids/route`)
  audit = await import('@/app/api/audit/route')
  pias = await import(`${base}/pod-identity-associations/route`)
  pia = await import(`${base}/pod-identity-associations/[associationId]/route`)
  sas = await import(`${base}/service-accounts/route`)
  sa = await import(`${base}/service-accounts/[namespace]/[name]/route`)
  roles = await import('@/app/api/iam/roles/route')
}, 60_000)

describe('GET workload-identity', () => {
  it('maps prod-web by both mechanisms with a verdict per service account', async () => {
    getConsoleSession.mockResolvedValue(sessionFor('viewer'))
    const { status, body } = await callRoute(mappings.GET, prod)
    expect(status).toBe(200)
    expect(body.cluster).toMatchObject({ autoMode: false, agent: { source: 'addon', status: 'ACTIVE' } })
    expect(body.cluster.oidcProvider.exists).toBe(true)
    const orders = find(body, 'orders', 'orders-api')
    expect(orders.mechanism).toBe('both')
    expect(orders.effectiveRoleArn).toBe(roleArn('orders-s3-reader'))
    expect(check(orders, 'both-mechanisms').reason).toMatch(/Pod Identity wins/)
    expect(check(orders, 'pod-identity-restart')).toMatchObject({ status: 'fail', fix: { kind: 'command' } })
    expect(check(orders, 'pod-identity-restart').fix.command).toMatch(/kubectl rollout restart deployment\/orders-api/)
    expect(check(find(body, 'reports', 'reports-job'), 'pod-identity-trust')).toMatchObject({
      status: 'fail',
      fix: { kind: 'trust-policy', mechanism: 'pod-identity', roleArn: roleArn('reports-writer') },
    })
    const billing = find(body, 'billing', 'billing-api')
    expect(billing).toMatchObject({ mechanism: 'irsa', verdict: 'pass' })
    expect(billing.irsa.stsRegionalEndpoints).toBe('true')
    expect(check(find(body, 'legacy', 'legacy-worker'), 'irsa-trust')).toMatchObject({ status: 'fail' })
    const partner = find(body, 'analytics', 'partner-sync')
    expect(partner.podIdentity.targetRoleArn).toBe('arn:aws:iam::444455556666:role/cross-account-target')
    expect(check(partner, 'pod-identity-target').status).toBe('info')
  })

  it('flags the missing IAM OIDC provider on legacy-batch', async () => {
    const { body } = await callRoute(mappings.GET, legacy)
    const worker = find(body, 'legacy', 'legacy-worker')
    expect(check(worker, 'irsa-oidc-provider')).toMatchObject({ status: 'fail', fix: { kind: 'create-oidc-provider' } })
    expect(body.cluster.agent.source).toBe('missing')
  })

  it('answers 404 for an unknown cluster', async () => {
    expect((await callRoute(mappings.GET, { region: 'us-west-2', cluster: 'nope' })).status).toBe(404)
  })
})

describe('trust-policy fixes keep the other statements', () => {
  it('adds sts:TagSession for reports-writer after a preview, and refuses a stale preview', async () => {
    const query = '?namespace=reports&serviceAccount=reports-job&mechanism=pod-identity'
    const preview = await callRoute(trustFix.GET, prod, { query })
    expect(preview.status).toBe(200)
    expect(preview.body.after).toContain('sts:TagSession')
    const stale = await callRoute(trustFix.POST, prod, {
      method: 'POST',
      body: { namespace: 'reports', serviceAccount: 'reports-job', mechanism: 'pod-identity', expectedPolicy: '{}' },
    })
    expect(stale.status).toBe(409)
    const applied = await callRoute(trustFix.POST, prod, {
      method: 'POST',
      body: {
        namespace: 'reports',
        serviceAccount: 'reports-job',
        mechanism: 'pod-identity',
        expectedPolicy: preview.body.before,
      },
    })
    expect(applied.status).toBe(200)
    expect((await trustOf('reports-writer')).Statement[0].Action).toEqual(['sts:AssumeRole', 'sts:TagSession'])
    const { body } = await callRoute(mappings.GET, prod)
    expect(check(find(body, 'reports', 'reports-job'), 'pod-identity-trust').status).toBe('pass')
  })

  it('appends the IRSA statement for legacy-worker and keeps the wrong one', async () => {
    const before = await trustOf('legacy-irsa')
    const query = '?namespace=legacy&serviceAccount=legacy-worker&mechanism=irsa'
    const preview = await callRoute(trustFix.GET, prod, { query })
    const applied = await callRoute(trustFix.POST, prod, {
      method: 'POST',
      body: {
        namespace: 'legacy',
        serviceAccount: 'legacy-worker',
        mechanism: 'irsa',
        expectedPolicy: preview.body.before,
      },
    })
    expect(applied.status).toBe(200)
    const after = await trustOf('legacy-irsa')
    expect(after.Statement).toHaveLength(2)
    expect(after.Statement[0]).toEqual(before.Statement[0])
    expect(JSON.stringify(after.Statement[1])).toContain('system:serviceaccount:legacy:legacy-worker')
    const { body } = await callRoute(mappings.GET, prod)
    expect(check(find(body, 'legacy', 'legacy-worker'), 'irsa-trust').status).toBe('pass')
  })
})

describe('IAM OIDC provider', () => {
  it('creates the provider for legacy-batch, then refuses a second one', async () => {
    const created = await callRoute(oidc.POST, legacy, { method: 'POST' })
    expect(created.status).toBe(201)
    expect(created.body.arn).toMatch(
      /oidc-provider\/oidc\.eks\.us-west-2\.amazonaws\.com\/id\/C4D2E6F8A0B1C3D5E7F9A2B4C6D8E0F1$/,
    )
    const { body } = await callRoute(mappings.GET, legacy)
    expect(check(find(body, 'legacy', 'legacy-worker'), 'irsa-oidc-provider').status).toBe('pass')
    expect((await callRoute(oidc.POST, legacy, { method: 'POST' })).status).toBe(409)
    // The sandbox's DeleteOpenIDConnectProvider restores the seed for the other tests.
    await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: created.body.arn }))
    expect((await callRoute(oidc.GET, legacy)).body.provider.exists).toBe(false)
  })
})

describe('IAM OIDC provider client IDs', () => {
  const legacyIssuer = 'https://oidc.eks.us-west-2.amazonaws.com/id/C4D2E6F8A0B1C3D5E7F9A2B4C6D8E0F1'
  const add = (body: unknown) => callRoute(clientIds.POST, legacy, { method: 'POST', body })

  it('refuses when legacy-batch has no provider yet', async () => {
    const refused = await add({ audience: 'sts.amazonaws.com' })
    expect(refused.status).toBe(409)
    expect(refused.body.error.message).toMatch(/IAM has no OIDC provider for .*Create the provider first/)
  })

  it('adds the missing audience to a provider created with another one, audits it, then refuses a second time', async () => {
    const { OpenIDConnectProviderArn: arn } = await iam.send(
      new CreateOpenIDConnectProviderCommand({ Url: legacyIssuer, ClientIDList: ['other-audience'] }),
    )
    try {
      const before = await callRoute(mappings.GET, legacy)
      expect(check(find(before.body, 'legacy', 'legacy-worker'), 'irsa-oidc-provider')).toMatchObject({
        status: 'fail',
        fix: { kind: 'add-client-id', audience: 'sts.amazonaws.com' },
      })
      const added = await add({ audience: ' sts.amazonaws.com ' })
      expect(added).toEqual({ status: 201, body: { arn, clientIds: ['other-audience', 'sts.amazonaws.com'] } })
      const got = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))
      expect(got.ClientIDList).toEqual(['other-audience', 'sts.amazonaws.com'])
      const after = await callRoute(mappings.GET, legacy)
      expect(check(find(after.body, 'legacy', 'legacy-worker'), 'irsa-oidc-provider').status).toBe('pass')

      getConsoleSession.mockResolvedValue(sessionFor('viewer'))
      const log = await callRoute(audit.GET, {}, { query: '?action=iam-oidc-provider.add-client-id' })
      expect(log.body.events).toHaveLength(1)
      expect(log.body.events[0]).toMatchObject({
        actor: { name: 'editor', role: 'editor' },
        cluster: { region: 'us-west-2', name: 'legacy-batch' },
        target: arn,
        result: 'succeeded',
        before: { clientIds: ['other-audience'] },
        after: { clientIds: ['other-audience', 'sts.amazonaws.com'] },
      })

      getConsoleSession.mockResolvedValue(sessionFor('editor'))
      const again = await add({ audience: 'sts.amazonaws.com' })
      expect(again.status).toBe(409)
      expect(again.body.error.message).toBe(`${arn} already has client ID sts.amazonaws.com.`)
    } finally {
      await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))
    }
  })

  it.each([
    ['no audience', {}],
    ['an empty audience', { audience: '  ' }],
    ['an audience of 256 characters', { audience: 'a'.repeat(256) }],
  ])('answers 422 for %s', async (_name, body) => {
    const { status, body: answer } = await add(body)
    expect(status).toBe(422)
    expect(answer.error.issues[0].path).toEqual(['audience'])
  })
})

describe('Pod Identity associations', () => {
  it('creates the service account and the association on ml-auto, updates it, deletes it', async () => {
    const created = await callRoute(pias.POST, ml, {
      method: 'POST',
      body: {
        namespace: 'ml-training',
        serviceAccount: 'feature-store',
        roleArn: roleArn('orders-s3-reader'),
        createServiceAccount: true,
      },
    })
    expect(created.status).toBe(201)
    expect(created.body.createdServiceAccount).toBe(true)
    const id = created.body.association.associationId
    const { body } = await callRoute(mappings.GET, ml)
    const m = find(body, 'ml-training', 'feature-store')
    expect(m).toMatchObject({ mechanism: 'pod-identity', serviceAccountExists: true })
    expect(check(m, 'pod-identity-agent')).toMatchObject({ status: 'pass', reason: expect.stringMatching(/Auto Mode/) })
    const dup = await callRoute(pias.POST, ml, {
      method: 'POST',
      body: { namespace: 'ml-training', serviceAccount: 'feature-store', roleArn: roleArn('orders-s3-reader') },
    })
    expect(dup.status).toBe(409)
    expect(dup.body.error.issues[0].path).toEqual(['serviceAccount'])
    const params = { ...ml, associationId: id }
    const updated = await callRoute(pia.PATCH, params, {
      method: 'PATCH',
      body: {
        roleArn: roleArn('orders-s3-reader'),
        targetRoleArn: 'arn:aws:iam::444455556666:role/cross-account-target',
        disableSessionTags: true,
      },
    })
    expect(updated.status).toBe(200)
    expect(updated.body).toMatchObject({ disableSessionTags: true, externalId: expect.any(String) })
    expect((await callRoute(pia.DELETE, params, { method: 'DELETE' })).body).toEqual({ deleted: id })
    expect((await callRoute(pia.DELETE, params, { method: 'DELETE' })).status).toBe(404)
  })

  it('puts EKS and schema errors on the fields', async () => {
    const missing = await callRoute(pias.POST, ml, {
      method: 'POST',
      body: { namespace: 'ml-training', serviceAccount: 'trainer', roleArn: roleArn('no-such-role') },
    })
    expect(missing.status).toBe(422)
    expect(missing.body.error.issues[0].path).toEqual(['roleArn'])
    const bad = await callRoute(pias.POST, ml, {
      method: 'POST',
      body: { namespace: 'Bad_NS', serviceAccount: '', roleArn: 'x' },
    })
    expect(bad.status).toBe(422)
    expect([...new Set(bad.body.error.issues.map((i: any) => i.path[0]))].sort()).toEqual([
      'namespace',
      'roleArn',
      'serviceAccount',
    ])
  })
})

describe('IRSA annotations and service accounts', () => {
  it('sets, refuses a stale resourceVersion, and removes the annotations', async () => {
    const params = { ...ml, namespace: 'ml-training', name: 'trainer' }
    const detail = await callRoute(sa.GET, params)
    expect(detail.body.mapping).toBeNull()
    const rv = detail.body.serviceAccount.resourceVersion
    const set = await callRoute(sa.PATCH, params, {
      method: 'PATCH',
      body: {
        roleArn: roleArn('billing-irsa'),
        audience: '',
        stsRegionalEndpoints: 'true',
        tokenExpiration: '3600',
        resourceVersion: rv,
      },
    })
    expect(set.status).toBe(200)
    expect(set.body.annotations).toMatchObject({
      'eks.amazonaws.com/role-arn': roleArn('billing-irsa'),
      'eks.amazonaws.com/token-expiration': '3600',
    })
    const stale = await callRoute(sa.PATCH, params, { method: 'PATCH', body: { roleArn: '', resourceVersion: rv } })
    expect(stale.status).toBe(409)
    const after = await callRoute(sa.GET, params)
    expect(check(after.body.mapping, 'irsa-trust').status).toBe('fail') // billing-irsa trusts prod-web's issuer only
    const removed = await callRoute(sa.PATCH, params, {
      method: 'PATCH',
      body: { roleArn: '', resourceVersion: set.body.resourceVersion },
    })
    expect(removed.body.annotations['eks.amazonaws.com/role-arn']).toBeUndefined()
    expect(removed.body.annotations['eks.amazonaws.com/sts-regional-endpoints']).toBeUndefined()
  })

  it('lists choices, shows YAML and pods, and answers 404 for a missing service account', async () => {
    const choices = await callRoute(sas.GET, prod)
    expect(choices.body.namespaces).toContain('orders')
    expect(choices.body.serviceAccounts).toContainEqual({ namespace: 'orders', name: 'orders-api' })
    const detail = await callRoute(sa.GET, { ...prod, namespace: 'orders', name: 'orders-api' })
    expect(detail.body.serviceAccount.yaml).toContain('kind: ServiceAccount')
    expect(detail.body.pods.length).toBeGreaterThan(0)
    expect(detail.body.pods.every((p: any) => p.startedBeforeAssociation)).toBe(true)
    expect((await callRoute(sa.GET, { ...prod, namespace: 'orders', name: 'nobody' })).status).toBe(404)
  })
})

describe('roles', () => {
  it('searches roles, creates an IRSA role for a service account, refuses a taken name', async () => {
    const found = await callRoute(roles.GET, {}, { query: '?q=orders' })
    expect(found.body.roles.map((r: any) => r.name)).toContain('orders-s3-reader')
    const created = await callRoute(
      roles.POST,
      {},
      {
        method: 'POST',
        body: {
          region: 'us-west-2',
          cluster: 'prod-web',
          roleName: 'wi-test-role',
          mechanism: 'irsa',
          namespace: 'team-a',
          serviceAccount: 'web',
        },
      },
    )
    expect(created.status).toBe(201)
    expect(created.body.trustPolicy).toContain('system:serviceaccount:team-a:web')
    const again = await callRoute(
      roles.POST,
      {},
      {
        method: 'POST',
        body: {
          region: 'us-west-2',
          cluster: 'prod-web',
          roleName: 'wi-test-role',
          mechanism: 'pod-identity',
          namespace: 'team-a',
          serviceAccount: 'web',
        },
      },
    )
    expect(again.status).toBe(409)
    expect(again.body.error.issues[0].path).toEqual(['roleName'])
    await iam.send(new DeleteRoleCommand({ RoleName: 'wi-test-role' }))
  })
})

describe('a viewer changes nothing', () => {
  it.each([
    ['trust fix', () => callRoute(trustFix.POST, prod, { method: 'POST', body: {} })],
    ['OIDC provider', () => callRoute(oidc.POST, legacy, { method: 'POST' })],
    [
      'OIDC client ID',
      () => callRoute(clientIds.POST, prod, { method: 'POST', body: { audience: 'sts.amazonaws.com' } }),
    ],
    ['create association', () => callRoute(pias.POST, prod, { method: 'POST', body: {} })],
    [
      'update association',
      () => callRoute(pia.PATCH, { ...prod, associationId: 'a-x' }, { method: 'PATCH', body: {} }),
    ],
    ['delete association', () => callRoute(pia.DELETE, { ...prod, associationId: 'a-x' }, { method: 'DELETE' })],
    ['create service account', () => callRoute(sas.POST, prod, { method: 'POST', body: {} })],
    ['annotate', () => callRoute(sa.PATCH, { ...prod, namespace: 'a', name: 'b' }, { method: 'PATCH', body: {} })],
    ['create role', () => callRoute(roles.POST, {}, { method: 'POST', body: {} })],
  ])('%s → 403', async (_name, call) => {
    getConsoleSession.mockResolvedValue(sessionFor('viewer'))
    expect((await call()).status).toBe(403)
  })
})
