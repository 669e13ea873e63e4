import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { setIrsaAnnotations } from '@/lib/workload-identity/server/irsa-service'
import { loadServiceAccountDetail } from '@/lib/workload-identity/server/service-account-service'
import { irsaAnnotationsSchema, serviceAccountParamsSchema } from '@/lib/workload-identity/workload-identity-schemas'

type Params = { region: string; cluster: string; namespace: string; name: string }
const paramsSchema = clusterParamsSchema.merge(serviceAccountParamsSchema)

// GET …/service-accounts/:namespace/:name — facts, YAML, pods, IAM role mapping with checks.
export const GET = withRole<Params>('viewer', async ({ params }) => {
  const { region, cluster, namespace, name } = paramsSchema.parse(await params)
  return Response.json(await loadServiceAccountDetail({ region, name: cluster }, namespace, name))
})

// PATCH …/service-accounts/:namespace/:name — IRSA annotations, with the resourceVersion the form loaded.
export const PATCH = withRole<Params>('editor', async ({ params, session, body }) => {
  const { region, cluster, namespace, name } = paramsSchema.parse(await params)
  const input = irsaAnnotationsSchema.parse(body)
  return Response.json(await setIrsaAnnotations({ region, name: cluster }, { namespace, name }, input, session.user))
})
