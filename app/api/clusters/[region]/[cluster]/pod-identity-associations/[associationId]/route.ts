import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import {
  changePodIdentityAssociation,
  removePodIdentityAssociation,
} from '@/lib/workload-identity/server/pod-identity-service'
import { associationIdSchema, updatePodIdentitySchema } from '@/lib/workload-identity/workload-identity-schemas'

type Params = { region: string; cluster: string; associationId: string }
const paramsSchema = clusterParamsSchema.extend({ associationId: associationIdSchema })

// PATCH …/pod-identity-associations/:id — role, target role, session tags (namespace and SA are immutable).
export const PATCH = withRole<Params>('editor', async ({ params, session, body }) => {
  const { region, cluster, associationId } = paramsSchema.parse(await params)
  const input = updatePodIdentitySchema.parse(body)
  return Response.json(
    await changePodIdentityAssociation({ region, name: cluster }, associationId, input, session.user),
  )
})

// DELETE …/pod-identity-associations/:id
export const DELETE = withRole<Params>('editor', async ({ params, session }) => {
  const { region, cluster, associationId } = paramsSchema.parse(await params)
  await removePodIdentityAssociation({ region, name: cluster }, associationId, session.user)
  return Response.json({ deleted: associationId })
})
