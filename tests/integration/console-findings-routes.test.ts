// The findings routes end to end over the sandbox's seeded world: route handler → each cluster's snapshot read as the
// console (EKS API, aws-auth, RBAC), IAM's principals and workload identity's checks → the rules. Rules the seed has no
// example of get one here, made through the real APIs (an IAM role deleted under its entry, risky bindings).
import {
  AssociateAccessPolicyCommand,
  CreateAccessEntryCommand,
  DeleteAccessEntryCommand,
  EKSClient,
} from '@aws-sdk/client-eks'
import { CreateRoleCommand, DeleteRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { RbacAuthorizationV1Api } from '@kubernetes/client-node'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { findingsReportSchema, type Finding } from '@/lib/findings/findings-dto'
import { DELETED_ROLE_ARN, ROLE_ARNS } from '@/sandbox/core/seed-constants'

import { callRoute, getConsoleSession, policyArn, roleArn, setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', async () => ({
  getConsoleSession: (await import('./console-access-harness')).getConsoleSession,
}))

const sandbox = setUpConsoleAccessSandbox({ role: 'viewer' })
const routes = {
  all: () => import('@/app/api/findings/route'),
  cluster: () => import('@/app/api/clusters/[region]/[cluster]/findings/route'),
}
const prod = { region: 'us-west-2', cluster: 'prod-web' }
const find = (findings: Finding[], ruleId: string, cluster: string, subject: string) =>
  findings.find((f) => f.ruleId === ruleId && f.cluster.name === cluster && f.subject === subject)

async function allFindings(query = '') {
  const { GET } = await routes.all()
  const { status, body } = await callRoute(GET, {}, { query: `?limit=2000${query}` })
  expect(status).toBe(200)
  return findingsReportSchema.parse(body)
}

describe('GET /api/findings', () => {
  // One test stops the clock; the others (and the sandbox's tokens) need it running again whatever happened.
  afterEach(() => {
    vi.useRealTimers()
  })

  it('lists the seeded world’s findings in every cluster, each with its evidence and fix', async () => {
    const report = await allFindings()
    expect(report.clusters.map((c) => [c.name, c.ok])).toEqual(
      expect.arrayContaining([
        ['prod-web', true],
        ['ml-auto', true],
        ['legacy-batch', true],
        ['eu-shop', true],
      ]),
    )
    const f = report.findings
    expect(find(f, 'risky-list-secrets', 'prod-web', 'Group ci-deployers')).toMatchObject({
      severity: 'high',
      paths: [
        { steps: ['group ci-deployers', 'ClusterRoleBinding ci-secret-reader', 'ClusterRole secret-reader, rule 1'] },
      ],
      fix: { href: '/clusters/us-west-2/prod-web/rbac/cluster-role-bindings/ci-secret-reader' },
      sources: expect.arrayContaining([{ tool: 'krane', name: 'risky-list-secrets' }]),
    })
    expect(find(f, 'eks_modify_aws_auth', 'prod-web', 'Group team-b-legacy')?.severity).toBe('critical')
    expect(find(f, 'nodes_proxy', 'prod-web', 'Group platform-ops')?.paths[0]?.steps.at(-1)).toMatch(
      /^ClusterRole platform-ops, rule \d+ \(aggregated from platform-ops-nodes\)$/,
    )
    expect(
      find(f, 'subjects-with-non-existing-roles', 'prod-web', 'RoleBinding billing/billing-deployer'),
    ).toBeDefined()
    expect(
      find(f, 'access-entry-without-permissions', 'prod-web', `access entry ${ROLE_ARNS.BreakGlassAdmin}`)?.fix?.href,
    ).toBe(
      `/clusters/us-west-2/prod-web/access?dialog=policies&principalArn=${encodeURIComponent(ROLE_ARNS.BreakGlassAdmin)}`,
    )
    for (const cluster of ['prod-web', 'legacy-batch']) {
      const of = (rule: string, arn: string) =>
        f.some((x) => x.ruleId === rule && x.cluster.name === cluster && x.subject.endsWith(` ${arn}`))
      expect([
        of('aws-auth-system-masters', ROLE_ARNS.PlatformAdmin),
        of('aws-auth-principal-missing', DELETED_ROLE_ARN),
      ]).toEqual([true, true])
    }
    expect(
      find(f, 'workload-identity-check-failed', 'legacy-batch', 'ServiceAccount legacy/legacy-worker')?.fix?.href,
    ).toBe('/clusters/us-west-2/legacy-batch/resources/service-accounts/legacy/legacy-worker')
    // EKS's own entries and the bootstrap system: subjects are not findings.
    expect(f.filter((x) => /AWSServiceRoleForAmazonEKS|AutoNodeRole|system:(nodes|masters)$/.test(x.subject))).toEqual(
      [],
    )
    expect(report.counts.critical + report.counts.high + report.counts.medium + report.counts.low).toBe(report.matched)
  }, 60_000)

  it('filters by severity, rule and cluster while the counts stay those of everything', async () => {
    const everything = await allFindings()
    const report = await allFindings('&severity=high&rule=aws-auth-system-masters&cluster=us-west-2/prod-web')
    expect(report.findings.map((x) => [x.ruleId, x.cluster.name])).toEqual([['aws-auth-system-masters', 'prod-web']])
    expect(report.counts).toEqual(everything.counts)
    // The last `limit` wins over allFindings' own.
    const capped = await allFindings('&limit=3')
    expect([capped.findings.length, capped.matched]).toEqual([3, everything.matched])
    const { GET } = await routes.all()
    const bad = await callRoute(GET, {}, { query: '?severity=urgent' })
    expect(bad.status).toBe(422)
  })

  it('reports the rules the seed has no example of, made through the real APIs, after a refresh', async () => {
    const s = sandbox()
    const iam = new IAMClient({ ...s.admin, region: 'us-west-2' })
    const eks = new EKSClient({ ...s.admin, region: 'us-west-2' })
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: roleArn('PlatformAdmin') }, Action: 'sts:AssumeRole' }],
    })
    await iam.send(new CreateRoleCommand({ RoleName: 'findings-temp', AssumeRolePolicyDocument: trust }))
    await eks.send(new CreateAccessEntryCommand({ clusterName: 'prod-web', principalArn: roleArn('findings-temp') }))
    await eks.send(
      new AssociateAccessPolicyCommand({
        clusterName: 'prod-web',
        principalArn: roleArn('findings-temp'),
        policyArn: policyArn('AmazonEKSViewPolicy'),
        accessScope: { type: 'namespace', namespaces: ['no-such-namespace'] },
      }),
    )
    await iam.send(new DeleteRoleCommand({ RoleName: 'findings-temp' }))
    const kc = await s.kubeConfigFor({ region: 'us-west-2', name: 'prod-web' }, 'admin')
    const rbac = kc.makeApiClient(RbacAuthorizationV1Api)
    await rbac.createClusterRole({
      body: {
        metadata: { name: 'findings-delegator' },
        rules: [
          { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['bind', 'escalate'] },
          { apiGroups: [''], resources: ['groups'], verbs: ['impersonate'] },
        ],
      },
    })
    const bind = (name: string, role: string, group: string) =>
      rbac.createClusterRoleBinding({
        body: {
          metadata: { name },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
          subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: group }],
        },
      })
    await bind('findings-delegators', 'findings-delegator', 'shop-platform')
    await bind('findings-anonymous-view', 'view', 'system:unauthenticated')
    try {
      const before = await allFindings()
      expect(find(before.findings, 'bind_roles', 'prod-web', 'Group shop-platform')).toBeUndefined()
      const { GET } = await routes.cluster()
      const { status, body } = await callRoute(GET, prod, { query: '?fresh=1&limit=2000' })
      expect(status).toBe(200)
      const f = findingsReportSchema.parse(body).findings
      const temp = `access entry ${roleArn('findings-temp')}`
      expect(find(f, 'access-scope-unknown-namespace', 'prod-web', temp)?.message).toContain('no-such-namespace')
      expect(find(f, 'access-entry-principal-missing', 'prod-web', temp)).toBeDefined()
      for (const rule of ['bind_roles', 'escalate_roles', 'risky-impersonate-privileged-groups'])
        expect(find(f, rule, 'prod-web', 'Group shop-platform')).toBeDefined()
      expect(find(f, 'group-bound-to-nothing', 'prod-web', temp)).toBeUndefined()
      expect(find(f, 'unauthenticated-subject-access', 'prod-web', 'Group system:unauthenticated')).toMatchObject({
        severity: 'critical',
        fix: { href: '/clusters/us-west-2/prod-web/rbac/cluster-role-bindings/findings-anonymous-view' },
      })
    } finally {
      await eks.send(new DeleteAccessEntryCommand({ clusterName: 'prod-web', principalArn: roleArn('findings-temp') }))
      await rbac.deleteClusterRoleBinding({ name: 'findings-delegators' })
      await rbac.deleteClusterRoleBinding({ name: 'findings-anonymous-view' })
      await rbac.deleteClusterRole({ name: 'findings-delegator' })
    }
  }, 60_000)

  it('shows a cluster that cannot be read beside the others’ findings', async () => {
    sandbox().sandbox.faults.replaceRules([
      { service: 'kube', pathContains: 'legacy-batch/apis/rbac.authorization.k8s.io', kind: 'error', status: 503 },
    ])
    const report = await allFindings('&fresh=1')
    const legacy = report.clusters.find((c) => c.name === 'legacy-batch')
    expect(legacy).toMatchObject({ ok: false, error: expect.any(String) })
    expect(report.findings.some((x) => x.cluster.name === 'legacy-batch')).toBe(false)
    expect(report.findings.some((x) => x.cluster.name === 'prod-web')).toBe(true)
    sandbox().sandbox.faults.clearRules()
  }, 60_000)

  it('asks the cluster to confirm its permission findings, and reports a disagreement as a finding', async () => {
    const { GET } = await routes.cluster()
    const clusterReport = async (query: string) => {
      const { status, body } = await callRoute(GET, prod, { query: `?limit=2000${query}` })
      expect(status).toBe(200)
      return findingsReportSchema.parse(body)
    }
    const disagreements = (r: { findings: Finding[] }) =>
      r.findings.filter((x) => x.ruleId === 'cluster-disagrees-with-resolver')
    // The clock stands still (timers and the network do not): the console's snapshot, reused for 15 s, cannot expire
    // between the two evaluations however slow the machine is.
    vi.useFakeTimers({ toFake: ['Date'] })
    // The seeded cluster: the sandbox's SubjectAccessReviews confirm every permission finding about an RBAC subject.
    const agreed = await clusterReport('&fresh=1')
    expect(find(agreed.findings, 'risky-list-secrets', 'prod-web', 'Group ci-deployers')).toBeDefined()
    expect(disagreements(agreed)).toEqual([])
    expect(agreed.clusters[0]?.gaps.filter((g) => g.includes('SubjectAccessReview'))).toEqual([])

    // A real disagreement: someone deletes the binding with kubectl while the console still holds its snapshot of the
    // cluster (reused for a few seconds). The next evaluation decides on the snapshot; the cluster answers otherwise.
    const kc = await sandbox().kubeConfigFor({ region: 'us-west-2', name: 'prod-web' }, 'admin')
    const rbac = kc.makeApiClient(RbacAuthorizationV1Api)
    const binding = await rbac.readClusterRoleBinding({ name: 'ci-secret-reader' })
    await rbac.deleteClusterRoleBinding({ name: 'ci-secret-reader' })
    try {
      ;(await import('@/lib/findings/server/findings-service')).clearFindingsCache()
      const stale = await clusterReport('')
      expect(find(stale.findings, 'risky-list-secrets', 'prod-web', 'Group ci-deployers')).toBeDefined()
      expect(disagreements(stale)).toEqual([
        expect.objectContaining({
          subject: 'Group ci-deployers',
          severity: 'high',
          paths: [
            {
              steps: [
                'resolver: allowed',
                'group ci-deployers',
                'ClusterRoleBinding ci-secret-reader',
                'ClusterRole secret-reader, rule 1',
              ],
              rule: null,
            },
            {
              steps: ['cluster: denied', 'SubjectAccessReview for group ci-deployers, list secrets cluster-wide'],
              rule: null,
            },
          ],
        }),
      ])
      expect(disagreements(stale)[0]?.message).toContain('Check risky-list-secrets (list secrets cluster-wide)')
      // Refresh reads the cluster again: the finding and the disagreement are gone.
      const fresh = await clusterReport('&fresh=1')
      expect(find(fresh.findings, 'risky-list-secrets', 'prod-web', 'Group ci-deployers')).toBeUndefined()
      expect(disagreements(fresh)).toEqual([])
    } finally {
      vi.useRealTimers()
      await rbac.createClusterRoleBinding({
        body: { metadata: { name: 'ci-secret-reader' }, roleRef: binding.roleRef, subjects: binding.subjects },
      })
    }
  }, 60_000)

  it('states the reviews it could not ask beside the findings, never drops them silently', async () => {
    sandbox().sandbox.faults.replaceRules([
      { service: 'kube', pathContains: 'prod-web/apis/authorization.k8s.io', kind: 'error', status: 503 },
    ])
    try {
      const { GET } = await routes.cluster()
      const { status, body } = await callRoute(GET, prod, { query: '?fresh=1&limit=2000' })
      expect(status).toBe(200)
      const report = findingsReportSchema.parse(body)
      expect(find(report.findings, 'risky-list-secrets', 'prod-web', 'Group ci-deployers')).toBeDefined()
      expect(report.clusters[0]?.gaps).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^SubjectAccessReview cross-check: \d+ of \d+ permission findings could not be checked against the cluster \(/,
          ),
        ]),
      )
    } finally {
      sandbox().sandbox.faults.clearRules()
    }
  }, 60_000)

  it('needs a signed-in viewer', async () => {
    getConsoleSession.mockResolvedValue(null)
    const { GET } = await routes.all()
    expect((await callRoute(GET, {})).status).toBe(401)
  })
})
