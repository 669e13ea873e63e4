import { loadKubernetesContext } from '@/lib/access/server/kubernetes-context'
import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'

// GET …/access-entries/kubernetes — namespaces and bound groups for the grant form's warnings.
export const GET = withRole<{ region: string; cluster: string }>('viewer', async ({ params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  return Response.json(await loadKubernetesContext({ region, cluster }))
})
