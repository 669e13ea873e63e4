import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { principalQuerySchema, readQuery } from '@/lib/effective-access/effective-access-schemas'
import { analyzePrincipal } from '@/lib/effective-access/server/effective-access-service'

type Params = { region: string; cluster: string }

// GET …/effective-access/principal?principalArn=…[&namespaces=a,b][&sessionName=…] — what this IAM principal can do
// in the cluster: how it signs in, what it holds, and its permission matrix with the path of every allowed cell.
export const GET = withRole<Params>('viewer', async ({ req, params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const query = principalQuerySchema.parse(readQuery(req.url))
  return Response.json(await analyzePrincipal({ region, name: cluster }, query))
})
