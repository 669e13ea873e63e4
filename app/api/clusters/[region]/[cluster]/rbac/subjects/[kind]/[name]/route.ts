import { withRole } from '@/lib/api/server/with-role'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { subjectParamsSchema } from '@/lib/rbac/rbac-binding-schema'
import { loadSubjectDetail } from '@/lib/rbac/server/rbac-service'

type Params = { region: string; cluster: string; kind: string; name: string }

// GET …/rbac/subjects/:kind/:name[?namespace=] — every binding naming a User, Group or ServiceAccount, with its rules.
export const GET = withRole<Params>('viewer', async ({ req, params }) => {
  const raw = await params
  const { region, cluster } = clusterParamsSchema.parse(raw)
  const namespace = new URL(req.url).searchParams.get('namespace') || undefined
  const subject = subjectParamsSchema.parse({ kind: raw.kind, name: raw.name, namespace })
  return Response.json(await loadSubjectDetail({ region, name: cluster }, subject))
})
