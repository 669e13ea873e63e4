import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { applyTrustFix, previewTrustFix } from '@/lib/workload-identity/server/trust-fix-service'
import { applyTrustFixSchema, trustFixQuerySchema } from '@/lib/workload-identity/workload-identity-schemas'

type Params = { region: string; cluster: string }

// GET …/workload-identity/trust-fix?namespace&serviceAccount&mechanism — the trust policy before and after the fix.
export const GET = withRole<Params>('viewer', async ({ req, params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const query = trustFixQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams))
  const { roleName: _name, ...preview } = await previewTrustFix({ region, name: cluster }, query)
  return Response.json(preview)
})

// POST …/workload-identity/trust-fix — UpdateAssumeRolePolicy, if the policy is still the one that was reviewed.
export const POST = withRole<Params>('editor', async ({ params, session, body }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const input = applyTrustFixSchema.parse(body)
  return Response.json(await applyTrustFix({ region, name: cluster }, input, session.user))
})
