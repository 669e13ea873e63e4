import { withRole } from '@/lib/api/server/with-role'
import { listAuditFacets } from '@/lib/audit/server/list-audit-events'

// GET /api/audit/facets — the clusters and actions that occur in the log (choices for the page's filters).
export const GET = withRole('viewer', async () => Response.json(await listAuditFacets()))
