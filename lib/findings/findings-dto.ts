// What the findings routes answer with, as zod schemas the browser validates (fetchJson) and the route tests parse,
// and the query both routes read.
import { z } from 'zod'

import { policyRuleSchema } from '@/lib/access/policy-rule-schema'

import { findingRuleIds, severities } from './finding-rules'

export const severitySchema = z.enum(severities)
export const findingRuleIdSchema = z.enum(findingRuleIds)

/** One way the finding comes about: its steps from the subject to the rule, as effective access shows paths. */
export const evidencePathSchema = z.object({
  steps: z.array(z.string()),
  /** The RBAC or access-policy rule that matched, when the finding is about a permission. */
  rule: policyRuleSchema.nullable(),
})
export type EvidencePath = z.infer<typeof evidencePathSchema>

export const findingSchema = z.object({
  /** Stable across reloads: rule, cluster and subject. */
  id: z.string(),
  ruleId: findingRuleIdSchema,
  severity: severitySchema,
  title: z.string(),
  /** The finding in one sentence: who, what, where. */
  message: z.string(),
  cluster: z.object({ region: z.string(), name: z.string() }),
  /** Who or what it is about: `Group ci-deployers`, `access entry arn:…`, `aws-auth mapRoles[1]`. */
  subject: z.string(),
  paths: z.array(evidencePathSchema),
  /** Paths beyond the ones listed (a subject bound in hundreds of namespaces). */
  morePaths: z.number(),
  sources: z.array(z.object({ tool: z.string(), name: z.string() })),
  fix: z.object({ label: z.string(), href: z.string() }).nullable(),
})
export type Finding = z.infer<typeof findingSchema>

export const severityCountsSchema = z.object({
  critical: z.number(),
  high: z.number(),
  medium: z.number(),
  low: z.number(),
})
export type SeverityCounts = z.infer<typeof severityCountsSchema>

/** How one cluster's evaluation went: a cluster that could not be read is shown, the others are still listed. */
export const clusterFindingsStatusSchema = z.object({
  region: z.string(),
  name: z.string(),
  ok: z.boolean(),
  error: z.string().nullable(),
  /** What could not be read completely (the findings may then be incomplete). */
  gaps: z.array(z.string()),
  counts: severityCountsSchema,
  evaluatedAt: z.string().nullable(),
})
export type ClusterFindingsStatus = z.infer<typeof clusterFindingsStatusSchema>

/** GET /api/findings and GET /api/clusters/:region/:cluster/findings */
export const findingsReportSchema = z.object({
  clusters: z.array(clusterFindingsStatusSchema),
  /** Regions whose cluster list failed (all-clusters report only). */
  regionErrors: z.array(z.object({ region: z.string(), message: z.string() })),
  counts: severityCountsSchema,
  byRule: z.array(z.object({ ruleId: findingRuleIdSchema, title: z.string(), count: z.number() })),
  /** The findings the filters select, most severe first, at most `limit`. */
  findings: z.array(findingSchema),
  /** How many the filters select (may exceed findings.length). */
  matched: z.number(),
  generatedAt: z.string(),
})
export type FindingsReport = z.infer<typeof findingsReportSchema>

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v)

/** The query both findings routes read: filters, a limit, and `fresh=1` to evaluate again instead of the cache. */
export const findingsQuerySchema = z.object({
  severity: z.preprocess(blankToUndefined, severitySchema.optional()),
  rule: z.preprocess(blankToUndefined, findingRuleIdSchema.optional()),
  /** `region/name` of one cluster (all-clusters route only). */
  cluster: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[a-z0-9-]+\/[A-Za-z0-9_-]{1,100}$/, 'Expected region/cluster')
      .optional(),
  ),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
  fresh: z.enum(['0', '1']).optional(),
})
export type FindingsQuery = z.output<typeof findingsQuerySchema>
