// One report from the clusters' evaluations: counts over everything, the findings the filters select (most severe
// first, at most `limit`: a large cluster can hold thousands, and the page narrows with filters rather than
// receiving megabytes), and each cluster's status so an unreachable cluster is shown next to the others' findings.
import { compareFindings, countBySeverity } from './evaluate-findings'
import { findingRuleIds, findingRules } from './finding-rules'
import type { ClusterFindingsStatus, Finding, FindingsQuery, FindingsReport } from './findings-dto'

/** One cluster's evaluation: its findings, or why it could not be evaluated. */
export type ClusterEvaluation = {
  region: string
  name: string
  findings: Finding[] | null
  error: string | null
  gaps: string[]
  evaluatedAt: string | null
}

/** Builds the report for the filters in `query` (severity, rule, `region/name` cluster) and its limit. */
export function buildFindingsReport(
  evaluations: readonly ClusterEvaluation[],
  query: Pick<FindingsQuery, 'severity' | 'rule' | 'cluster' | 'limit'>,
  regionErrors: FindingsReport['regionErrors'] = [],
  now = new Date(),
): FindingsReport {
  const clusters: ClusterFindingsStatus[] = evaluations.map((e) => ({
    region: e.region,
    name: e.name,
    ok: e.findings !== null,
    error: e.error,
    gaps: e.gaps,
    counts: countBySeverity(e.findings ?? []),
    evaluatedAt: e.evaluatedAt,
  }))
  const all = evaluations.flatMap((e) => e.findings ?? [])
  const perRule = new Map<string, number>()
  for (const f of all) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1)
  const selected = all
    .filter(
      (f) =>
        (!query.severity || f.severity === query.severity) &&
        (!query.rule || f.ruleId === query.rule) &&
        (!query.cluster || `${f.cluster.region}/${f.cluster.name}` === query.cluster),
    )
    .sort(compareFindings)
  return {
    clusters,
    regionErrors,
    counts: countBySeverity(all),
    byRule: findingRuleIds
      .filter((id) => perRule.has(id))
      .map((id) => ({ ruleId: id, title: findingRules[id].title, count: perRule.get(id) ?? 0 })),
    findings: selected.slice(0, query.limit),
    matched: selected.length,
    generatedAt: now.toISOString(),
  }
}
