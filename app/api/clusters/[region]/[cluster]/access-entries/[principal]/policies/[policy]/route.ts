import { disassociatePolicySchema } from '@/lib/access/access-entry-bodies'
import { entryPolicyParamsSchema } from '@/lib/access/access-entry-params'
import { removeAccessPolicy } from '@/lib/access/server/access-entry-service'
import { entryResponse, parseIfMatch } from '@/lib/access/server/entry-version'
import { withRole } from '@/lib/api/server/with-role'

type Params = { region: string; cluster: string; principal: string; policy: string }

// DELETE …/access-entries/:principal/policies/:policy — disassociate; body { confirmClusterName } for the guard;
// optional If-Match (412 when stale).
export const DELETE = withRole<Params>('editor', async ({ req, params, session, body }) => {
  const { region, cluster, principal, policy } = entryPolicyParamsSchema.parse(await params)
  const input = disassociatePolicySchema.parse(body ?? {})
  const target = { region, cluster, principalArn: principal }
  const ifMatch = parseIfMatch(req.headers.get('if-match'))
  return entryResponse(await removeAccessPolicy(target, { ...input, policyArn: policy }, session.user, ifMatch))
})
