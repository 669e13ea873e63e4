import { withRole } from '@/lib/api/server/with-role'
import { podParamsSchema } from '@/lib/resources/resource-params'
import { getPodDetail } from '@/lib/resources/server/pods'

type Params = { region: string; cluster: string; namespace: string; name: string }

// GET /api/clusters/:region/:cluster/pods/:namespace/:name — one Pod's details and YAML.
export const GET = withRole<Params>('viewer', async ({ params }) => {
  const { region, cluster, namespace, name } = podParamsSchema.parse(await params)
  return Response.json(await getPodDetail({ region, name: cluster }, namespace, name))
})
