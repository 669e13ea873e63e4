import { withRole } from '@/lib/api/server/with-role'
import { readQuery } from '@/lib/effective-access/effective-access-schemas'
import { findingsQuerySchema } from '@/lib/findings/findings-dto'
import { reportAllFindings } from '@/lib/findings/server/findings-service'

// GET /api/findings?severity=&rule=&cluster=region/name&limit=&fresh=1 — findings across every cluster; a cluster
// that cannot be read is listed with its error beside the others.
export const GET = withRole('viewer', async ({ req }) => {
  const query = findingsQuerySchema.parse(readQuery(req.url))
  return Response.json(await reportAllFindings(query))
})
