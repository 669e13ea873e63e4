import { withRole } from '@/lib/api/server/with-role'
import { awsAuthEditRequestSchema } from '@/lib/aws-auth/aws-auth-schemas'
import { saveAwsAuthChange } from '@/lib/aws-auth/server/aws-auth-edit-service'
import { loadAwsAuthView } from '@/lib/aws-auth/server/aws-auth-service'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'

type Params = { region: string; cluster: string }

// GET …/aws-auth — kube-system/aws-auth as rows (meaning, problems with line/column, shadowing) and raw YAML.
export const GET = withRole<Params>('viewer', async ({ params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  return Response.json(await loadAwsAuthView({ region, name: cluster }))
})

// PUT …/aws-auth — one change against the resourceVersion the person saw (409 when stale); admins only, audited.
export const PUT = withRole<Params>('admin', async ({ params, session, body }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const input = awsAuthEditRequestSchema.parse(body)
  return Response.json(await saveAwsAuthChange({ region, name: cluster }, input, session.user))
})
