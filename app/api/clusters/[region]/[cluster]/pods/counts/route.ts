import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { readSearchParams } from '@/lib/resources/resource-filters'
import { podCountsQuerySchema } from '@/lib/resources/resource-params'
import { countPodsByNamespace, countPodsByNode } from '@/lib/resources/server/pod-counts'

// GET /api/clusters/:region/:cluster/pods/counts?namespaces=a,b (or ?nodes=x,y) — Pod counts for the rows on screen.
export const GET = withRole<{ region: string; cluster: string }>('viewer', async ({ req, params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const query = podCountsQuerySchema.parse(readSearchParams(new URL(req.url).searchParams))
  const ref = { region, name: cluster }
  if (query.nodes.length > 0) return Response.json(await countPodsByNode(ref, query.nodes))
  return Response.json(await countPodsByNamespace(ref, query.namespaces))
})
