// The audit log's wire shapes, shared by GET /api/audit (which parses its query with `auditQuerySchema`) and the pages
// (which keep the same filters in their URL). Isomorphic: lib/audit is server-only, so the DTOs live here.
import { z } from 'zod'

import { consoleRoles } from '@/lib/auth/console-role'
import { singleLineText } from '@/lib/validation/text-fields'

import { auditResults } from './audit-filters'

// Existing importers keep working; pages import these from audit-filters.ts (no zod there: docs/client-bundle.md).
export {
  auditPeriods,
  auditResults,
  emptyAuditFilters,
  type AuditFilters,
  type AuditPeriod,
  type AuditResult,
} from './audit-filters'

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
