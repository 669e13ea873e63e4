import { associatePolicyRequestSchema } from '@/lib/access/access-entry-bodies'
import { entryParamsSchema } from '@/lib/access/access-entry-params'
import { setAccessPolicy } from '@/lib/access/server/access-entry-service'
import { entryResponse, parseIfMatch } from '@/lib/access/server/entry-version'
import { withRole } from '@/lib/api/server/with-role'

type Params = { region: string; cluster: string; principal: string }

// POST …/access-entries/:principal/policies — associate a policy, or change an associated policy's scope.
// If-Match required (428): a new scope replaces the namespace list.
export const POST = withRole<Params>('editor', async ({ req, params, session, body }) => {
  const { region, cluster, principal } = entryParamsSchema.parse(await params)
  const input = associatePolicyRequestSchema.parse(body)
  const ifMatch = parseIfMatch(req.headers.get('if-match'))
  return entryResponse(
    await setAccessPolicy({ region, cluster, principalArn: principal }, input, session.user, ifMatch),
  )
})
