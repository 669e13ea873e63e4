import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { addPodIdentityAssociation } from '@/lib/workload-identity/server/pod-identity-service'
import { createPodIdentitySchema } from '@/lib/workload-identity/workload-identity-schemas'

type Params = { region: string; cluster: string }

// POST /api/clusters/:region/:cluster/pod-identity-associations — create (optionally the service account first).
export const POST = withRole<Params>('editor', async ({ params, session, body }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const input = createPodIdentitySchema.parse(body)
  return Response.json(await addPodIdentityAssociation({ region, name: cluster }, input, session.user), { status: 201 })
})
