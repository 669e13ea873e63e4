// The audit log's filter values, zod-free so the log's page can import them without zod (docs/client-bundle.md);
// GET /api/audit's query schema (audit-dto.ts) is built from the same lists.

/**
 * The outcomes an audit event records: a grant can apply its entry and fail a policy (`partial`); `refused` is a change
 * the console itself turned down before calling AWS (an EKS-managed entry, a lockout-risky change by a non-admin),
 * `failed` one that AWS or Kubernetes turned down or that broke on the way.
 */
export const auditResults = ['succeeded', 'partial', 'failed', 'refused'] as const
export type AuditResult = (typeof auditResults)[number]

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
