// The audit log's wire shapes, shared by GET /api/audit (which parses its query with `auditQuerySchema`) and the pages
// (which keep the same filters in their URL). Isomorphic: lib/audit is server-only, so the DTOs live here.
import { z } from 'zod'

import { consoleRoles } from '@/lib/auth/console-role'
import { singleLineText } from '@/lib/validation/text-fields'

/**
 * The outcomes an audit event records: a grant can apply its entry and fail a policy (`partial`); `refused` is a change
 * the console itself turned down before calling AWS (an EKS-managed entry, a lockout-risky change by a non-admin),
 * `failed` one that AWS or Kubernetes turned down or that broke on the way.
 */
export const auditResults = ['succeeded', 'partial', 'failed', 'refused'] as const
export type AuditResult = (typeof auditResults)[number]

const clusterRefSchema = z.object({ region: z.string(), name: z.string() })

/** One audit event as the API answers it; `before`/`after` are absent when the action did not record them. */
export const auditEventDtoSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actor: z.object({ name: z.string(), role: z.enum(consoleRoles) }),
  action: z.string(),
  cluster: clusterRefSchema.nullable(),
  target: z.string(),
  result: z.enum(auditResults),
  message: z.string().nullable(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
})
export type AuditEventDto = z.infer<typeof auditEventDtoSchema>

/**
 * Events the console could not record (the write itself had already happened at AWS): kept in the audit store, so the
 * count survives restarts; `reference` is the server-log reference of the latest.
 */
export const recordingFailuresSchema = z.object({
  count: z.number(),
  lastAt: z.string(),
  reference: z.string(),
})
export type RecordingFailures = z.infer<typeof recordingFailuresSchema>

/** One page of GET /api/audit, newest first; `nextCursor` fetches the older ones. */
export const auditPageSchema = z.object({
  events: z.array(auditEventDtoSchema),
  nextCursor: z.string().nullable(),
  recordingFailures: recordingFailuresSchema.nullable(),
})
export type AuditPage = z.infer<typeof auditPageSchema>

/** GET /api/audit/facets: the clusters and actions that occur in the log, for the filter selects. */
export const auditFacetsSchema = z.object({
  clusters: z.array(clusterRefSchema),
  actions: z.array(z.string()),
})
export type AuditFacets = z.infer<typeof auditFacetsSchema>

const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)
const optionalText = (max: number) => z.preprocess(blankAsUndefined, singleLineText().trim().max(max).optional())

// `region/name`: EKS names are unique per region only, so the region is part of the filter.
const clusterFilter = z.preprocess(
  blankAsUndefined,
  z
    .string()
    .regex(
      /^[a-z]{2}(-[a-z]+)+-\d+\/[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/,
      'Use region/cluster, for example us-west-2/prod-web',
    )
    .transform((value) => {
      const [region = '', name = ''] = value.split('/')
      return { region, name }
    })
    .optional(),
)

const isoTime = z.preprocess(
  blankAsUndefined,
  z.iso.datetime({ offset: true, error: 'Use an ISO 8601 time' }).optional(),
)

/** The filters of GET /api/audit (and of the audit pages' URLs). */
export const auditQuerySchema = z
  .object({
    cluster: clusterFilter,
    actor: optionalText(200),
    action: z.preprocess(
      blankAsUndefined,
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9.\-]{0,99}$/, 'Not an audit action name')
        .optional(),
    ),
    result: z.preprocess(
      blankAsUndefined,
      z.enum(auditResults, { error: 'Use succeeded, partial or failed' }).optional(),
    ),
    since: isoTime,
    until: isoTime,
    cursor: z.preprocess(
      blankAsUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,200}$/, 'Not a cursor this server issued')
        .optional(),
    ),
    limit: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(200).default(50)),
  })
  .refine((q) => !q.since || !q.until || Date.parse(q.since) <= Date.parse(q.until), {
    path: ['until'],
    message: 'The end of the range is before its start',
  })
export type AuditQueryInput = z.input<typeof auditQuerySchema>
export type AuditQueryParams = z.output<typeof auditQuerySchema>

/** The time ranges the log offers: the last hour, day, week or 30 days (from when the page asks), or two dates. */
export const auditPeriods = ['1h', '24h', '7d', '30d', 'dates'] as const
export type AuditPeriod = (typeof auditPeriods)[number]

/**
 * The filters a page keeps in its URL (strings; empty = any). `period` is relative, so a shared link to "the last
 * 24 hours" means the 24 hours before it is opened; with `period=dates`, `from` and `to` are UTC days (YYYY-MM-DD).
 */
export type AuditFilters = {
  cluster: string
  actor: string
  action: string
  result: string
  period: string
  from: string
  to: string
}
export const emptyAuditFilters: AuditFilters = {
  cluster: '',
  actor: '',
  action: '',
  result: '',
  period: '',
  from: '',
  to: '',
}
