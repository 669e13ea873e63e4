import { describe, expect, it } from 'vitest'

import { classifyRisk } from '@/lib/effective-access/risk'

import { evaluateClusterFindings } from './evaluate-findings'
import { bindRules, buildFacts, entry, policyArn, ruleIdsOf, type ModelInput } from './findings-test-model'
import { permissionChecks } from './permission-checks'

const RBAC = 'rbac.authorization.k8s.io'

// Each rule fires on a minimal model and stays quiet on its nearest miss.
const table: { rule: string; fires: ModelInput; nearMiss: ModelInput }[] = [
  {
    rule: 'subjects-with-open-cluster-wide-access',
    fires: { rbac: bindRules([{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]) },
    nearMiss: { rbac: bindRules([{ apiGroups: [''], resources: ['*'], verbs: ['*'] }]) },
  },
  {
    rule: 'subjects-with-open-ns-level-access',
    fires: { rbac: bindRules([{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }], { namespace: 'team-a' }) },
    nearMiss: {
      rbac: bindRules([{ apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list'] }], { namespace: 'team-a' }),
    },
  },
  {
    rule: 'risky-list-secrets',
    fires: { rbac: bindRules([{ apiGroups: [''], resources: ['secrets'], verbs: ['list'] }]) },
    nearMiss: { rbac: bindRules([{ apiGroups: [''], resources: ['configmaps'], verbs: ['list'] }]) },
  },
  {
    rule: 'risky-get-secrets',
    fires: { rbac: bindRules([{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }]) },
    nearMiss: {
      rbac: bindRules([{ apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['tls'] }]),
    },
  },
  {
    rule: 'risky-impersonate-privileged-groups',
    fires: { rbac: bindRules([{ apiGroups: [''], resources: ['groups'], verbs: ['impersonate'] }]) },
    // Impersonation is checked cluster-wide: a RoleBinding cannot grant it.
    nearMiss: {
      rbac: bindRules([{ apiGroups: [''], resources: ['groups'], verbs: ['impersonate'] }], { namespace: 'team-a' }),
    },
  },
  {
    rule: 'risky-any-resource-impersonate',
    fires: {
      rbac: bindRules([{ apiGroups: [''], resources: ['serviceaccounts'], verbs: ['impersonate'] }], {
        namespace: 'team-a',
      }),
    },
    nearMiss: {
      rbac: bindRules([{ apiGroups: [''], resources: ['serviceaccounts'], verbs: ['get'] }], { namespace: 'team-a' }),
    },
  },
  {
    rule: 'bind_roles',
    fires: { rbac: bindRules([{ apiGroups: [RBAC], resources: ['clusterroles'], verbs: ['bind'] }]) },
    nearMiss: { rbac: bindRules([{ apiGroups: [''], resources: ['clusterroles'], verbs: ['bind'] }]) },
  },
  {
    rule: 'escalate_roles',
    fires: {
      rbac: bindRules([{ apiGroups: [RBAC], resources: ['roles'], verbs: ['escalate'] }], { namespace: 'team-a' }),
    },
    nearMiss: {
      rbac: bindRules([{ apiGroups: [RBAC], resources: ['roles'], verbs: ['update'] }], { namespace: 'team-a' }),
    },
  },
  {
    rule: 'risky-exec-pods',
    fires: {
      rbac: bindRules([{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }], { namespace: 'team-a' }),
    },
    nearMiss: {
      rbac: bindRules([{ apiGroups: [''], resources: ['pods/log'], verbs: ['get'] }], { namespace: 'team-a' }),
    },
  },
  {
    rule: 'risky-attach-pods',
    fires: { rbac: bindRules([{ apiGroups: [''], resources: ['pods/attach'], verbs: ['create'] }]) },
    nearMiss: { rbac: bindRules([{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]) },
  },
  {
    rule: 'nodes_proxy',
    fires: { rbac: bindRules([{ apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] }]) },
    nearMiss: { rbac: bindRules([{ apiGroups: [''], resources: ['nodes/status'], verbs: ['get'] }]) },
  },
  {
    rule: 'create-workloads-in-kube-system',
    fires: {
      rbac: bindRules([{ apiGroups: ['apps'], resources: ['daemonsets'], verbs: ['create'] }], {
        namespace: 'kube-system',
      }),
    },
    nearMiss: {
      rbac: bindRules([{ apiGroups: ['apps'], resources: ['daemonsets'], verbs: ['create'] }], { namespace: 'team-a' }),
    },
  },
  {
    rule: 'eks_modify_aws_auth',
    fires: {
      rbac: bindRules([{ apiGroups: [''], resources: ['configmaps'], verbs: ['patch'], resourceNames: ['aws-auth'] }], {
        namespace: 'kube-system',
      }),
    },
    nearMiss: {
      rbac: bindRules([{ apiGroups: [''], resources: ['configmaps'], verbs: ['patch'], resourceNames: ['coredns'] }], {
        namespace: 'kube-system',
      }),
    },
  },
  {
    rule: 'approve_csrs',
    fires: {
      rbac: bindRules([
        { apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests/approval'], verbs: ['update'] },
      ]),
    },
    nearMiss: {
      rbac: bindRules([
        { apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests'], verbs: ['create'] },
      ]),
    },
  },
  {
    rule: 'token_request',
    fires: { rbac: bindRules([{ apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] }]) },
    nearMiss: { rbac: bindRules([{ apiGroups: [''], resources: ['serviceaccounts'], verbs: ['create'] }]) },
  },
  {
    rule: 'unauthenticated-subject-access',
    fires: {
      rbac: bindRules([{ apiGroups: [''], resources: ['pods'], verbs: ['list'] }], {
        subject: { kind: 'Group', name: 'system:unauthenticated' },
      }),
    },
    nearMiss: {
      rbac: bindRules([{ nonResourceURLs: ['/healthz'], verbs: ['get'] }], {
        subject: { kind: 'Group', name: 'system:unauthenticated' },
        roleName: 'system:public-info-viewer',
      }),
    },
  },
  {
    rule: 'subjects-with-non-existing-roles',
    fires: { rbac: bindRules([], { namespace: 'team-a', missingRole: true }) },
    nearMiss: { rbac: bindRules([], { namespace: 'team-a' }) },
  },
]

describe('permission and RBAC rules', () => {
  it.each(table)('$rule fires on its minimal model and not on the near miss', ({ rule, fires, nearMiss }) => {
    expect(ruleIdsOf(fires)).toContain(rule)
    expect(ruleIdsOf(nearMiss)).not.toContain(rule)
  })

  it('every permission rule has a row, and its probes carry the risk tag risk.ts gives them', () => {
    for (const check of permissionChecks) {
      expect(table.map((r) => r.rule)).toContain(check.ruleId)
      for (const probe of check.probes) expect(classifyRisk(probe)).toBe(check.risk)
    }
  })

  it('unrestricted access is reported alone; a namespace-confined risk is one severity lower', () => {
    const admin = evaluateClusterFindings(
      buildFacts({ rbac: bindRules([{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]) }),
    )
    expect(admin.map((f) => [f.ruleId, f.severity])).toEqual([['subjects-with-open-cluster-wide-access', 'critical']])
    const secrets = [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] }]
    const [wide] = evaluateClusterFindings(buildFacts({ rbac: bindRules(secrets) }))
    const [narrow] = evaluateClusterFindings(buildFacts({ rbac: bindRules(secrets, { namespace: 'team-a' }) }))
    const [system] = evaluateClusterFindings(buildFacts({ rbac: bindRules(secrets, { namespace: 'kube-system' }) }))
    expect([wide?.ruleId, wide?.severity, narrow?.severity, system?.severity]).toEqual([
      'risky-list-secrets',
      'high',
      'medium',
      'high',
    ])
    expect(narrow?.message).toBe(
      'Group devs can list Secrets (every service-account token and credential) in namespace team-a.',
    )
    expect(narrow?.paths[0]?.steps).toEqual(['group devs', 'RoleBinding team-a/b', 'ClusterRole r, rule 1'])
    expect(narrow?.fix?.href).toBe('/clusters/us-west-2/prod/rbac/role-bindings/team-a/b')
  })

  it('access policies are checked within their scope; EKS component policies are left out', () => {
    const findings = evaluateClusterFindings(
      buildFacts({
        mode: 'API',
        entries: [
          entry('Admin', {
            policies: [
              { policyArn: policyArn('AmazonEKSClusterAdminPolicy'), accessScope: { type: 'cluster', namespaces: [] } },
            ],
          }),
          entry('Dev', {
            policies: [
              {
                policyArn: policyArn('AmazonEKSEditPolicy'),
                accessScope: { type: 'namespace', namespaces: ['team-a'] },
              },
            ],
          }),
          entry('Node', {
            policies: [
              { policyArn: policyArn('AmazonEKSAutoNodePolicy'), accessScope: { type: 'cluster', namespaces: [] } },
            ],
          }),
        ],
      }),
    )
    const by = (name: string) => findings.filter((f) => f.subject.endsWith(`role/${name}`)).map((f) => f.ruleId)
    expect(by('Admin')).toEqual(['subjects-with-open-cluster-wide-access'])
    expect(by('Dev')).toEqual(expect.arrayContaining(['risky-list-secrets', 'risky-exec-pods', 'risky-attach-pods']))
    expect(by('Node')).toEqual([])
    const dev = findings.find((f) => f.subject.endsWith('role/Dev') && f.ruleId === 'risky-list-secrets')
    expect(dev?.fix?.href).toBe(
      '/clusters/us-west-2/prod/access?dialog=policies&principalArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FDev&policyArn=arn%3Aaws%3Aeks%3A%3Aaws%3Acluster-access-policy%2FAmazonEKSEditPolicy&namespaces=team-a',
    )
  })
})

describe('exclusions and merging', () => {
  const secrets = [{ apiGroups: [''], resources: ['secrets'], verbs: ['list'] }]
  it.each([
    [{ kind: 'Group', name: 'system:nodes' }, false],
    [{ kind: 'User', name: 'system:kube-controller-manager' }, false],
    [{ kind: 'User', name: 'eks:addon-manager' }, false],
    [{ kind: 'ServiceAccount', name: 'coredns', namespace: 'kube-system' }, false],
    [{ kind: 'Group', name: 'system:authenticated' }, true],
    [{ kind: 'Group', name: 'system:serviceaccounts:ci' }, true],
    [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'ci' }, true],
  ])('%o reported: %s', (subject, reported) => {
    expect(ruleIdsOf({ rbac: bindRules(secrets, { subject }) }).includes('risky-list-secrets')).toBe(reported)
  })

  it('one subject bound twice is one finding with both paths, fixed on its subject page', () => {
    const one = bindRules(secrets, { namespace: 'team-a' })
    const two = bindRules(secrets, { namespace: 'team-b' })
    const findings = evaluateClusterFindings(
      buildFacts({ rbac: { ...one, roleBindings: [...one.roleBindings, ...two.roleBindings] } }),
    )
    expect(findings).toHaveLength(1)
    expect(findings[0]?.paths).toHaveLength(2)
    expect(findings[0]?.message).toContain('in namespaces team-a, team-b.')
    expect(findings[0]?.fix?.href).toBe('/clusters/us-west-2/prod/rbac/subjects/Group/devs')
  })
})
