import { withRole } from '@/lib/api/with-role'
import { setAccessPolicy } from '@/lib/access-entries/access-entry-service'
import { entryParamsSchema } from '@/lib/access-entries/entry-params'
import { associatePolicyRequestSchema } from '@/lib/access-entries/grant-schema'

type Params = { region: string; cluster: string; principal: string }

// POST …/access-entries/:principal/policies — associate a policy, or change an associated policy's scope.
export const POST = withRole<Params>('editor', async ({ params, session, body }) => {
  const { region, cluster, principal } = entryParamsSchema.parse(await params)
  const input = associatePolicyRequestSchema.parse(body)
  return Response.json(await setAccessPolicy({ region, cluster, principalArn: principal }, input, session.user))
})
