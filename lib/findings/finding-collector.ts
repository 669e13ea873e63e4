// Findings are per rule and subject: a group bound to `edit` in forty namespaces is one "lists Secrets" finding with
// forty paths, not forty findings. The collector merges what the rules report under one stable id.
import type { RequestAttributes } from '@/lib/access/rules'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { RbacSubject } from '@/lib/effective-access/rbac-model'

import { findingRules, severities, type FindingRuleId, type Severity } from './finding-rules'
import type { EvidencePath, Finding } from './findings-dto'

type Fix = NonNullable<Finding['fix']>

/**
 * A request the cluster can be asked about (SubjectAccessReview) to confirm a permission finding: an RBAC subject
 * (a ServiceAccount with its namespace resolved), the probe that fired, and the path the resolver found.
 */
export type FindingVerification = { subject: RbacSubject; request: RequestAttributes; path: string }

/** A finding with the request that can confirm it (the first occurrence's). */
export type VerifiableFinding = { finding: Finding; verify: FindingVerification }

/** One occurrence of a rule for a subject, as a rule reports it. */
export type FindingDraft = {
  ruleId: FindingRuleId
  severity?: Severity
  /** Identifies the subject within the cluster (with the rule, the finding's id). */
  subjectKey: string
  subject: string
  /** The sentence, given where the paths apply (`across the cluster`, `in namespace a, b`). */
  message: (where: string) => string
  /** Where this occurrence applies: a namespace, or undefined for the whole cluster. */
  namespace?: string
  /** The path, or a function building it: a subject bound in thousands of places lists only the first few. */
  path: EvidencePath | (() => EvidencePath)
  fix: Fix | null
  /** The fix when the finding has more than one path (e.g. the subject's page rather than one binding's). */
  fixForMany?: Fix | null
  /** How the cluster can be asked to confirm it (permission findings about RBAC subjects). */
  verify?: () => FindingVerification
}

type Entry = { draft: FindingDraft; severity: Severity; paths: EvidencePath[]; count: number; wheres: Set<string> }

const CLUSTER = '\0cluster'
const MAX_NAMESPACES_NAMED = 5

function describeWhere(wheres: Set<string>): string {
  if (wheres.has(CLUSTER)) return 'across the cluster'
  const names = [...wheres].sort()
  const shown = names.slice(0, MAX_NAMESPACES_NAMED).join(', ')
  const more = names.length > MAX_NAMESPACES_NAMED ? ` and ${names.length - MAX_NAMESPACES_NAMED} more` : ''
  return `in namespace${names.length > 1 ? 's' : ''} ${shown}${more}`
}

const pathOf = (draft: FindingDraft) => (typeof draft.path === 'function' ? draft.path() : draft.path)

const moreSevere = (a: Severity, b: Severity) => (severities.indexOf(a) <= severities.indexOf(b) ? a : b)

/** Collects drafts for one cluster and turns them into findings, at most `maxPaths` paths listed per finding. */
export function createFindingCollector(cluster: ClusterRef, maxPaths = 20) {
  const entries = new Map<string, Entry>()
  /** Every finding, each with the request that confirms it when its first occurrence has one. */
  const listVerifiable = (): { finding: Finding; verify?: FindingVerification }[] =>
    [...entries.entries()].map(([key, { draft, severity, paths, count, wheres }]) => ({
      verify: draft.verify?.(),
      finding: {
        id: `${cluster.region}/${cluster.name}|${key}`,
        ruleId: draft.ruleId,
        severity,
        title: findingRules[draft.ruleId].title,
        message: draft.message(describeWhere(wheres)),
        cluster: { region: cluster.region, name: cluster.name },
        subject: draft.subject,
        paths,
        morePaths: count - paths.length,
        sources: findingRules[draft.ruleId].sources,
        fix: count > 1 && draft.fixForMany !== undefined ? draft.fixForMany : draft.fix,
      },
    }))
  return {
    add(draft: FindingDraft): void {
      const key = `${draft.ruleId}|${draft.subjectKey}`
      const severity = draft.severity ?? findingRules[draft.ruleId].severity
      const entry = entries.get(key)
      if (!entry) {
        entries.set(key, {
          draft,
          severity,
          paths: [pathOf(draft)],
          count: 1,
          wheres: new Set([draft.namespace ?? CLUSTER]),
        })
        return
      }
      entry.severity = moreSevere(entry.severity, severity)
      entry.count++
      if (entry.paths.length < maxPaths) entry.paths.push(pathOf(draft))
      entry.wheres.add(draft.namespace ?? CLUSTER)
    },
    list(): Finding[] {
      return listVerifiable().map((v) => v.finding)
    },
    listVerifiable,
  }
}

export type FindingCollector = ReturnType<typeof createFindingCollector>
