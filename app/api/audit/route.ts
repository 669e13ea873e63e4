import { withRole } from '@/lib/api/server/with-role'
import { auditQuerySchema } from '@/lib/audit/audit-dto'
import { listAuditEvents } from '@/lib/audit/server/list-audit-events'

// GET /api/audit?cluster=us-west-2/prod-web&actor=&action=&result=&since=&until=&cursor=&limit= — the audit log,
// newest first. Viewers may read it: the Auditor persona is a viewer.
export const GET = withRole('viewer', async ({ req }) => {
  const query = auditQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams))
  return Response.json(await listAuditEvents(query))
})
