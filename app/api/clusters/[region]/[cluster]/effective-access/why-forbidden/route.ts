import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { readQuery, whyForbiddenQuerySchema } from '@/lib/effective-access/effective-access-schemas'
import { explainForbidden } from '@/lib/effective-access/server/effective-access-service'

type Params = { region: string; cluster: string }

// GET …/effective-access/why-forbidden?message=… (a pasted kubectl error) or ?principalArn=…&verb=…&resource=…
// [&namespace=…] — which step of IAM → EKS → Kubernetes refuses the request, and the grant that would fix it.
export const GET = withRole<Params>('viewer', async ({ req, params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const query = whyForbiddenQuerySchema.parse(readQuery(req.url))
  return Response.json(await explainForbidden({ region, name: cluster }, query))
})
