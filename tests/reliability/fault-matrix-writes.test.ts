/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
// The fault matrix, writes: every EKS and IAM write the console makes, under throttling, 503s, dropped connections
// and a stall past the timeout, through its route. Each answer is a clear error naming the service, never a 500; a
// multi-step write (grant = create entry + associate policies; Pod Identity with a new service account) reports
// exactly which steps applied.
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import {
  anyVersion,
  callRoute,
  policyArn,
  roleArn,
  setUpConsoleAccessSandbox,
} from '../integration/console-access-harness'
import { FAULT_KINDS, MATRIX_TIMEOUT_MS, runMatrixCell, type MatrixRow } from './fault-matrix'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('../integration/console-session-mock'))

const sandbox = setUpConsoleAccessSandbox({ role: 'admin' })
const api = '@/app/api/clusters/[region]/[cluster]'
const prod = { region: 'us-west-2', cluster: 'prod-web' }
const ml = { region: 'us-west-2', cluster: 'ml-auto' }
const legacy = { region: 'us-west-2', cluster: 'legacy-batch' }
const routes: Record<string, any> = {}
let iam: IAMClient
let setTimeoutForTests: (ms: number | undefined) => void
let serial = 0
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${serial++}`

beforeAll(async () => {
  for (const [key, path] of Object.entries({
    entries: `${api}/access-entries/route`,
    entry: `${api}/access-entries/[principal]/route`,
    entryPolicy: `${api}/access-entries/[principal]/policies/[policy]/route`,
    mode: `${api}/authentication-mode/route`,
    pias: `${api}/pod-identity-associations/route`,
    pia: `${api}/pod-identity-associations/[associationId]/route`,
    roles: '@/app/api/iam/roles/route',
    trustFix: `${api}/workload-identity/trust-fix/route`,
    oidc: `${api}/oidc-provider/route`,
    clientIds: `${api}/oidc-provider/client-ids/route`,
  })) {
    routes[key] = await import(/* @vite-ignore */ path)
  }
  iam = new IAMClient({ ...sandbox().admin, region: 'us-east-1' })
  const timeouts = await import('@/lib/api/server/upstream-timeout')
  setTimeoutForTests = timeouts.setUpstreamTimeoutForTests
  setTimeoutForTests(MATRIX_TIMEOUT_MS)
}, 60_000)
afterAll(() => setTimeoutForTests?.(undefined))

const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole'] }],
})
/** A fresh IAM role (through the SDK, not the console) with no access entry yet. */
async function freshRole(): Promise<string> {
  const name = unique('fm')
  await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust }))
  return roleArn(name)
}
const grant = (principalArn: string, policies: string[] = []) =>
  callRoute(routes.entries.POST, prod, {
    method: 'POST',
    body: {
      principalArn,
      accessPolicies: policies.map((p) => ({ policyArn: policyArn(p), accessScope: { type: 'cluster' } })),
    },
  })
/** A role with an access entry (and the view policy), made through the console before the fault is injected. */
async function grantedRole(): Promise<string> {
  const arn = await freshRole()
  expect((await grant(arn, ['AmazonEKSViewPolicy'])).status).toBe(201)
  return arn
}
const associate = (serviceAccount: string) =>
  callRoute(routes.pias.POST, ml, {
    method: 'POST',
    body: {
      namespace: 'ml-training',
      serviceAccount,
      roleArn: roleArn('orders-s3-reader'),
      createServiceAccount: true,
    },
  })

const rows: MatrixRow[] = [
  { service: 'eks', operation: 'CreateAccessEntry', prepare: freshRole, call: (arn) => grant(arn as string) },
  {
    // The grant's second step: the entry exists, the first policy failed, the second was not attempted.
    service: 'eks',
    operation: 'AssociateAccessPolicy',
    prepare: freshRole,
    call: (arn) => grant(arn as string, ['AmazonEKSViewPolicy', 'AmazonEKSEditPolicy']),
    degraded: (answer) => {
      expect(answer.body.complete).toBe(false)
      expect(answer.body.steps.map((s: any) => [s.kind, s.status])).toEqual([
        ['create-entry', 'applied'],
        ['associate-policy', 'failed'],
        ['associate-policy', 'not-attempted'],
      ])
      expect(JSON.stringify(answer.body.steps[1].error)).toMatch(/EKS in us-west-2/)
    },
  },
  {
    service: 'eks',
    operation: 'UpdateAccessEntry',
    prepare: grantedRole,
    call: (arn) =>
      callRoute(
        routes.entry.PATCH,
        { ...prod, principal: arn as string },
        {
          method: 'PATCH',
          body: { kubernetesGroups: ['fault-matrix'] },
          headers: anyVersion,
        },
      ),
  },
  {
    service: 'eks',
    operation: 'DeleteAccessEntry',
    prepare: grantedRole,
    call: (arn) => callRoute(routes.entry.DELETE, { ...prod, principal: arn as string }, { method: 'DELETE' }),
  },
  {
    service: 'eks',
    operation: 'DisassociateAccessPolicy',
    prepare: grantedRole,
    call: (arn) =>
      callRoute(
        routes.entryPolicy.DELETE,
        { ...prod, principal: arn as string, policy: policyArn('AmazonEKSViewPolicy') },
        { method: 'DELETE' },
      ),
  },
  {
    // The mode switch: legacy-batch stays on CONFIG_MAP while UpdateClusterConfig fails.
    service: 'eks',
    operation: 'UpdateClusterConfig',
    call: () =>
      callRoute(routes.mode.POST, legacy, { method: 'POST', body: { authenticationMode: 'API_AND_CONFIG_MAP' } }),
  },
  {
    // Pod Identity with a new service account: the error says the service account was created and the association not.
    service: 'eks',
    operation: 'CreatePodIdentityAssociation',
    prepare: async () => unique('fm-sa'),
    call: async (name) => {
      const answer = await associate(name as string)
      if (answer.status >= 400) {
        expect(answer.body.error.message).toMatch(
          new RegExp(`^The service account ml-training/${name} was created, but the association was not: EKS in`),
        )
      }
      return answer
    },
  },
  {
    service: 'eks',
    operation: 'UpdatePodIdentityAssociation',
    prepare: async () => (await associate(unique('fm-sa'))).body.association.associationId,
    call: (id) =>
      callRoute(
        routes.pia.PATCH,
        { ...ml, associationId: id as string },
        {
          method: 'PATCH',
          body: { roleArn: roleArn('orders-s3-reader'), disableSessionTags: true },
        },
      ),
  },
  {
    service: 'eks',
    operation: 'DeletePodIdentityAssociation',
    prepare: async () => (await associate(unique('fm-sa'))).body.association.associationId,
    call: (id) => callRoute(routes.pia.DELETE, { ...ml, associationId: id as string }, { method: 'DELETE' }),
  },
  {
    service: 'iam',
    operation: 'CreateRole',
    call: () =>
      callRoute(
        routes.roles.POST,
        {},
        {
          method: 'POST',
          body: {
            ...prod,
            roleName: unique('fm-role'),
            mechanism: 'pod-identity',
            namespace: 'team-a',
            serviceAccount: 'web',
          },
        },
      ),
  },
  {
    service: 'iam',
    operation: 'UpdateAssumeRolePolicy',
    prepare: async () => {
      const query = '?namespace=reports&serviceAccount=reports-job&mechanism=pod-identity'
      return (await callRoute(routes.trustFix.GET, prod, { query })).body.before
    },
    call: (before) =>
      callRoute(routes.trustFix.POST, prod, {
        method: 'POST',
        body: {
          namespace: 'reports',
          serviceAccount: 'reports-job',
          mechanism: 'pod-identity',
          expectedPolicy: before,
        },
      }),
  },
  {
    service: 'iam',
    operation: 'CreateOpenIDConnectProvider',
    call: () => callRoute(routes.oidc.POST, legacy, { method: 'POST' }),
  },
  {
    service: 'iam',
    operation: 'AddClientIDToOpenIDConnectProvider',
    call: () =>
      callRoute(routes.clientIds.POST, prod, { method: 'POST', body: { audience: `${unique('aud')}.example.com` } }),
  },
]

describe('fault matrix: writes', () => {
  for (const row of rows) {
    it.each(FAULT_KINDS)(
      `${row.service} ${row.operation} under %s`,
      async (kind) => {
        await runMatrixCell(sandbox(), row, kind)
      },
      30_000,
    )
  }
})
