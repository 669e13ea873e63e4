import { withRole } from '@/lib/api/server/with-role'
import { awsAuthEditRequestSchema } from '@/lib/aws-auth/aws-auth-schemas'
import { previewAwsAuthChange } from '@/lib/aws-auth/server/aws-auth-edit-service'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'

type Params = { region: string; cluster: string }

// POST …/aws-auth/preview — the ConfigMap before/after a change, the lockout guard's verdict and the CLI equivalent.
export const POST = withRole<Params>('admin', async ({ params, body }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const input = awsAuthEditRequestSchema.parse(body)
  return Response.json(await previewAwsAuthChange({ region, name: cluster }, input))
})
