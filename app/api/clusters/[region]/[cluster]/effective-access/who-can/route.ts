import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { readQuery, whoCanQuerySchema } from '@/lib/effective-access/effective-access-schemas'
import { answerWhoCan } from '@/lib/effective-access/server/effective-access-service'

type Params = { region: string; cluster: string }

// GET …/effective-access/who-can?verb=delete&resource=pods[&namespace=prod][&name=…] — every IAM principal and
// Kubernetes subject that may make the request, each with its paths.
export const GET = withRole<Params>('viewer', async ({ req, params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const query = whoCanQuerySchema.parse(readQuery(req.url))
  return Response.json(await answerWhoCan({ region, name: cluster }, query))
})
