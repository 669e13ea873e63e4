import { describe, expect, it } from 'vitest'

import { evaluateClusterFindings } from './evaluate-findings'
import { buildFindingsReport, type ClusterEvaluation } from './findings-report'
import { bindRules, buildFacts, entry, mapRole } from './findings-test-model'

const prod: ClusterEvaluation = {
  region: 'us-west-2',
  name: 'prod',
  findings: evaluateClusterFindings(
    buildFacts({
      rbac: bindRules([{ apiGroups: [''], resources: ['secrets'], verbs: ['list'] }]),
      entries: [entry('BreakGlass')],
      mapRoles: [mapRole('Admin', ['system:masters'])],
    }),
  ),
  error: null,
  gaps: [],
  evaluatedAt: '2026-12-03T05:00:00.000Z',
}
const down: ClusterEvaluation = {
  region: 'eu-central-1',
  name: 'down',
  findings: null,
  error: 'connect ECONNREFUSED',
  gaps: [],
  evaluatedAt: null,
}

describe('buildFindingsReport', () => {
  it('counts everything, lists a cluster that failed beside the others, and orders the most severe first', () => {
    const report = buildFindingsReport([prod, down], { limit: 500 })
    expect(report.counts).toEqual({ critical: 0, high: 2, medium: 0, low: 1 })
    expect(report.clusters.map((c) => [c.name, c.ok, c.error])).toEqual([
      ['prod', true, null],
      ['down', false, 'connect ECONNREFUSED'],
    ])
    expect(report.findings.map((f) => f.severity)).toEqual(['high', 'high', 'low'])
    expect(report.byRule.map((r) => [r.ruleId, r.count])).toEqual([
      ['risky-list-secrets', 1],
      ['access-entry-without-permissions', 1],
      ['aws-auth-system-masters', 1],
    ])
  })

  it.each([
    [{ severity: 'low' as const }, ['access-entry-without-permissions']],
    [{ rule: 'aws-auth-system-masters' as const }, ['aws-auth-system-masters']],
    [{ cluster: 'eu-central-1/down' }, []],
  ])('filters %o while the counts stay those of everything', (filter, rules) => {
    const report = buildFindingsReport([prod, down], { limit: 500, ...filter })
    expect(report.findings.map((f) => f.ruleId)).toEqual(rules)
    expect(report.matched).toBe(rules.length)
    expect(report.counts.high).toBe(2)
  })

  it('returns at most `limit` findings and says how many matched', () => {
    const report = buildFindingsReport([prod], { limit: 1 })
    expect([report.findings.length, report.matched]).toEqual([1, 3])
  })
})
