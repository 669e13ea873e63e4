import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { namespaceNameSchema } from '@/lib/resources/resource-params'
import { getNamespaceDetail } from '@/lib/resources/server/namespaces'

const paramsSchema = clusterParamsSchema.extend({ name: namespaceNameSchema })

// GET /api/clusters/:region/:cluster/namespaces/:name — one namespace's details and YAML.
export const GET = withRole<{ region: string; cluster: string; name: string }>('viewer', async ({ params }) => {
  const { region, cluster, name } = paramsSchema.parse(await params)
  return Response.json(await getNamespaceDetail({ region, name: cluster }, name))
})
