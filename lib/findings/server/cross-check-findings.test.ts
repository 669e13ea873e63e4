// The findings cross-check with a fake cluster (one unit's logic; tests/integration/console-findings-routes.test.ts asks
// the sandbox): a review the cluster answers otherwise becomes a finding with both answers, a review that cannot be
// asked is stated in the gaps, and the number asked is bounded.
import { describe, expect, it, vi } from 'vitest'

import { ConsoleError } from '@/lib/api/console-error'
import { collectClusterFindings } from '@/lib/findings/evaluate-findings'
import { bindRules, buildFacts, CLUSTER } from '@/lib/findings/findings-test-model'

import { crossCheckFindings, type AskCluster } from './cross-check-findings'

vi.mock('server-only', () => ({}))

const secretsAndExec = bindRules([
  { apiGroups: [''], resources: ['secrets'], verbs: ['list'] },
  { apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] },
])
const facts = buildFacts({ rbac: secretsAndExec })
const { verifiable } = collectClusterFindings(facts)

describe('crossCheckFindings', () => {
  it('finds the permission findings it can ask about: an RBAC subject and the probe that fired', () => {
    expect(verifiable.map((v) => [v.finding.ruleId, v.verify.subject, v.verify.request])).toEqual([
      [
        'risky-exec-pods',
        { kind: 'Group', name: 'devs' },
        expect.objectContaining({ verb: 'create', resource: 'pods' }),
      ],
      ['risky-list-secrets', { kind: 'Group', name: 'devs' }, { verb: 'list', apiGroup: '', resource: 'secrets' }],
    ])
  })

  it('reports nothing when the cluster agrees', async () => {
    const ask = vi.fn<AskCluster>().mockResolvedValue(true)
    const result = await crossCheckFindings(CLUSTER, facts.rbac, verifiable, { ask })
    expect(result).toEqual({ findings: [], gaps: [], asked: 2 })
    expect(ask).toHaveBeenCalledWith(CLUSTER, { user: '', groups: ['devs'] }, expect.objectContaining({ verb: 'list' }))
  })

  it('reports a disagreement as a finding: the check, what the resolver said with its path, what the cluster answered', async () => {
    const ask: AskCluster = async (_ref, _identity, attrs) => attrs.resource !== 'secrets'
    const { findings, gaps } = await crossCheckFindings(CLUSTER, facts.rbac, verifiable, { ask })
    expect(gaps).toEqual([])
    expect(findings).toEqual([
      expect.objectContaining({
        id: 'us-west-2/prod|cluster-disagrees-with-resolver|risky-list-secrets|Group devs',
        ruleId: 'cluster-disagrees-with-resolver',
        severity: 'high',
        subject: 'Group devs',
        paths: [
          { steps: ['resolver: allowed', 'group devs', 'ClusterRoleBinding b', 'ClusterRole r, rule 1'], rule: null },
          {
            steps: ['cluster: denied', 'SubjectAccessReview for group devs, list secrets cluster-wide'],
            rule: null,
          },
        ],
        fix: { label: expect.any(String), href: '/clusters/us-west-2/prod/rbac/cluster-role-bindings/b' },
      }),
    ])
    expect(findings[0]?.message).toMatch(
      /^Check risky-list-secrets \(list secrets cluster-wide\): the console's resolver allows it by group devs → ClusterRoleBinding b → ClusterRole r, rule 1, but the cluster's SubjectAccessReview answered denied\./,
    )
  })

  it('states the reviews it could not ask, and stops after a refusal', async () => {
    const ask = vi
      .fn<AskCluster>()
      .mockRejectedValue(
        new ConsoleError('kubernetes_forbidden', 'The console’s role cannot create subjectaccessreviews.'),
      )
    const { findings, gaps } = await crossCheckFindings(CLUSTER, facts.rbac, verifiable, { ask })
    expect(findings).toEqual([])
    expect(gaps).toEqual([
      'SubjectAccessReview cross-check: 2 of 2 permission findings could not be checked against the cluster (The console’s role cannot create subjectaccessreviews.)',
    ])
    const many = Array.from({ length: 20 }, () => verifiable[0]!)
    ask.mockClear()
    await crossCheckFindings(CLUSTER, facts.rbac, many, { ask })
    // The first wave (8 in flight) is refused; the rest are not asked.
    expect(ask.mock.calls.length).toBeLessThanOrEqual(8)
  })

  it('asks the most severe findings up to its limit and says so', async () => {
    const ask = vi.fn<AskCluster>().mockResolvedValue(true)
    const { gaps, asked } = await crossCheckFindings(CLUSTER, facts.rbac, verifiable, { ask, limit: 1 })
    expect([asked, ask.mock.calls.length]).toEqual([1, 1])
    expect(gaps).toEqual([
      'SubjectAccessReview cross-check: the 1 most severe of 2 permission findings were checked against the cluster, the rest were not',
    ])
  })
})
