// Findings for one cluster from the facts the effective-access snapshot holds (access entries, aws-auth, RBAC,
// namespaces), what IAM says exists, and workload identity's checks. Pure: the server gathers, this decides.
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { AuthIndex } from '@/lib/effective-access/identity'
import type { RbacIndex } from '@/lib/effective-access/rbac-index'

import { collectEntryFindings, type IamExistence } from './entry-findings'
import { createFindingCollector, type VerifiableFinding } from './finding-collector'
import { severities } from './finding-rules'
import type { Finding, SeverityCounts } from './findings-dto'
import { collectRbacFindings } from './rbac-findings'
import { collectWorkloadIdentityFindings, type WorkloadChecks } from './workload-identity-findings'

export type ClusterFacts = {
  cluster: ClusterRef
  auth: AuthIndex
  rbac: RbacIndex
  /** Every namespace name, or null when the list is incomplete (scopes are then not checked against it). */
  namespaces: readonly string[] | null
  /** Undefined: IAM could not be asked, the missing-principal rules are skipped. */
  iam?: IamExistence
  workloads?: readonly WorkloadChecks[]
}

/** Most severe first, then by rule, subject. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severities.indexOf(a.severity) - severities.indexOf(b.severity) ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.cluster.name.localeCompare(b.cluster.name) ||
    a.subject.localeCompare(b.subject)
  )
}

/**
 * Every finding of one cluster, most severe first, and the permission findings about RBAC subjects with the request
 * that can confirm each against the cluster (SubjectAccessReview), in the same order.
 */
export function collectClusterFindings(facts: ClusterFacts): { findings: Finding[]; verifiable: VerifiableFinding[] } {
  const out = createFindingCollector(facts.cluster)
  collectEntryFindings(facts, out)
  collectRbacFindings(facts.cluster, facts.rbac, out)
  collectWorkloadIdentityFindings(facts.cluster, facts.workloads ?? [], out)
  const all = out.listVerifiable().sort((a, b) => compareFindings(a.finding, b.finding))
  return {
    findings: all.map((v) => v.finding),
    verifiable: all.filter((v): v is VerifiableFinding => v.verify !== undefined),
  }
}

/** Every finding of one cluster, most severe first. */
export function evaluateClusterFindings(facts: ClusterFacts): Finding[] {
  return collectClusterFindings(facts).findings
}

/** How many findings of each severity. */
export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { critical: 0, high: 0, medium: 0, low: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}
