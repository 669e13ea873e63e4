import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { readQuery } from '@/lib/effective-access/effective-access-schemas'
import { findingsQuerySchema } from '@/lib/findings/findings-dto'
import { reportClusterFindings } from '@/lib/findings/server/findings-service'

type Params = { region: string; cluster: string }

// GET …/findings?severity=&rule=&limit=&fresh=1 — one cluster's findings.
export const GET = withRole<Params>('viewer', async ({ req, params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const query = findingsQuerySchema.parse(readQuery(req.url))
  return Response.json(await reportClusterFindings({ region, name: cluster }, query))
})
