import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { addServiceAccount, listServiceAccountChoices } from '@/lib/workload-identity/server/service-account-service'
import {
  createServiceAccountSchema,
  serviceAccountChoicesQuerySchema,
} from '@/lib/workload-identity/workload-identity-schemas'

type Params = { region: string; cluster: string }

// GET /api/clusters/:region/:cluster/service-accounts[?namespace=] — namespaces and service accounts for pickers.
export const GET = withRole<Params>('viewer', async ({ req, params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const { namespace } = serviceAccountChoicesQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams))
  return Response.json(await listServiceAccountChoices({ region, name: cluster }, namespace))
})

// POST …/service-accounts — create an empty service account.
export const POST = withRole<Params>('editor', async ({ params, session, body }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const input = createServiceAccountSchema.parse(body)
  return Response.json(await addServiceAccount({ region, name: cluster }, input, session.user), { status: 201 })
})
