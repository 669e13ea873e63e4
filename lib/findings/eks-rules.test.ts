import { describe, expect, it } from 'vitest'

import { evaluateClusterFindings } from './evaluate-findings'
import {
  ACCOUNT,
  bindRules,
  buildFacts,
  entry,
  mapRole,
  policyArn,
  roleArn,
  ruleIdsOf,
  type ModelInput,
} from './findings-test-model'

const view = (namespaces: string[]) => ({
  policyArn: policyArn('AmazonEKSViewPolicy'),
  accessScope: { type: 'namespace' as const, namespaces },
})
const iam = (roles: string[]) => ({
  accountId: ACCOUNT,
  roleNames: new Set(roles.map((r) => r.toLowerCase())),
  userNames: new Set<string>(),
})
const devsBound = bindRules([{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }])
const check = (status: 'fail' | 'warn') => ({
  namespace: 'orders',
  serviceAccount: 'orders-api',
  roleArn: roleArn('orders-s3'),
  checks: [
    {
      id: 'trust-policy',
      title: 'Trust policy allows Pod Identity',
      status,
      reason: 'The trust policy does not name pods.eks.amazonaws.com.',
    },
  ],
})

// Each EKS rule fires on a minimal model and stays quiet on its nearest miss.
const table: { rule: string; fires: ModelInput; nearMiss: ModelInput }[] = [
  {
    rule: 'access-entry-without-permissions',
    fires: { entries: [entry('BreakGlass')] },
    // A node entry gets its permissions from EKS.
    nearMiss: { entries: [entry('Node', { type: 'EC2_LINUX' })] },
  },
  {
    rule: 'access-entry-without-permissions',
    fires: { entries: [entry('BreakGlass', { username: 'bg' })] },
    // Its username is bound: it has permissions after all.
    nearMiss: {
      entries: [entry('BreakGlass', { username: 'bg' })],
      rbac: bindRules([{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }], {
        subject: { kind: 'User', name: 'bg' },
      }),
    },
  },
  {
    rule: 'group-bound-to-nothing',
    fires: { entries: [entry('Dev', { kubernetesGroups: ['devs'] })] },
    nearMiss: { entries: [entry('Dev', { kubernetesGroups: ['devs'] })], rbac: devsBound },
  },
  {
    rule: 'group-bound-to-nothing',
    fires: { mode: 'CONFIG_MAP', mapRoles: [mapRole('Dev', ['devs'])] },
    nearMiss: { mode: 'CONFIG_MAP', mapRoles: [mapRole('Dev', ['system:bootstrappers', 'system:nodes'])] },
  },
  {
    rule: 'access-scope-unknown-namespace',
    fires: { entries: [entry('Dev', { policies: [view(['team-a', 'payments'])] })] },
    nearMiss: { entries: [entry('Dev', { policies: [view(['team-*'])] })] },
  },
  {
    rule: 'access-scope-unknown-namespace',
    fires: { entries: [entry('Dev', { policies: [view(['shop-*'])] })] },
    // The namespace list was incomplete: nothing is claimed missing.
    nearMiss: { entries: [entry('Dev', { policies: [view(['shop-*'])] })], namespaces: null },
  },
  {
    rule: 'access-entry-principal-missing',
    fires: { entries: [entry('Gone', { kubernetesGroups: ['devs'] })], rbac: devsBound, iam: iam(['Other']) },
    nearMiss: { entries: [entry('Gone', { kubernetesGroups: ['devs'] })], rbac: devsBound, iam: iam(['gone']) },
  },
  {
    rule: 'access-entry-principal-missing',
    fires: { entries: [entry('Gone', { kubernetesGroups: ['devs'] })], rbac: devsBound, iam: iam([]) },
    // EKS owns its service-linked role's entry.
    nearMiss: {
      entries: [entry('x', { principalArn: roleArn('aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS') })],
      iam: iam([]),
    },
  },
  {
    rule: 'aws-auth-principal-missing',
    fires: { mode: 'CONFIG_MAP', mapRoles: [mapRole('ci', ['devs'])], rbac: devsBound, iam: iam([]) },
    // Another account's role cannot be looked up: no claim either way.
    nearMiss: {
      mode: 'CONFIG_MAP',
      mapRoles: [mapRole('ci', ['devs'], 'arn:aws:iam::444455556666:role/ci')],
      rbac: devsBound,
      iam: iam([]),
    },
  },
  {
    rule: 'aws-auth-system-masters',
    fires: { mode: 'API_AND_CONFIG_MAP', mapRoles: [mapRole('Admin', ['system:masters'])] },
    // API mode does not read aws-auth.
    nearMiss: { mode: 'API', mapRoles: [mapRole('Admin', ['system:masters'])] },
  },
  {
    rule: 'workload-identity-check-failed',
    fires: { workloads: [check('fail')] },
    nearMiss: { workloads: [check('warn')] },
  },
]

describe('EKS rules', () => {
  it.each(table)('$rule fires on its minimal model and not on the near miss', ({ rule, fires, nearMiss }) => {
    expect(ruleIdsOf(fires)).toContain(rule)
    expect(ruleIdsOf(nearMiss)).not.toContain(rule)
  })

  it('names the evidence and the fix of each EKS finding', () => {
    const findings = evaluateClusterFindings(
      buildFacts({
        mode: 'API_AND_CONFIG_MAP',
        entries: [entry('BreakGlass'), entry('Dev', { policies: [view(['payments'])] })],
        mapRoles: [mapRole('Admin', ['system:masters'])],
        workloads: [check('fail')],
      }),
    )
    const of = (rule: string) => findings.find((f) => f.ruleId === rule)
    expect(of('aws-auth-system-masters')).toMatchObject({
      severity: 'high',
      subject: `aws-auth mapRoles[0] ${roleArn('Admin')}`,
      fix: { href: '/clusters/us-west-2/prod/aws-auth' },
    })
    expect(of('access-entry-without-permissions')?.fix?.href).toBe(
      '/clusters/us-west-2/prod/access?dialog=policies&principalArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FBreakGlass',
    )
    expect(of('access-scope-unknown-namespace')?.paths[0]?.steps).toEqual([
      `access entry ${roleArn('Dev')}`,
      'AmazonEKSViewPolicy scoped to payments',
      'namespace payments: not in the cluster',
    ])
    expect(of('workload-identity-check-failed')?.fix?.href).toBe(
      '/clusters/us-west-2/prod/resources/service-accounts/orders/orders-api',
    )
    expect(findings.map((f) => f.severity)).toEqual(
      [...findings.map((f) => f.severity)].sort(
        (a, b) => ['critical', 'high', 'medium', 'low'].indexOf(a) - ['critical', 'high', 'medium', 'low'].indexOf(b),
      ),
    )
  })
})
