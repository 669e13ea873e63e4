import { withRole } from '@/lib/api/with-role'
import { removeAccessPolicy } from '@/lib/access-entries/access-entry-service'
import { entryPolicyParamsSchema } from '@/lib/access-entries/entry-params'
import { disassociatePolicySchema } from '@/lib/access-entries/grant-schema'

type Params = { region: string; cluster: string; principal: string; policy: string }

// DELETE …/access-entries/:principal/policies/:policy — disassociate; body { confirmClusterName } for the guard.
export const DELETE = withRole<Params>('editor', async ({ params, session, body }) => {
  const { region, cluster, principal, policy } = entryPolicyParamsSchema.parse(await params)
  const input = disassociatePolicySchema.parse(body ?? {})
  const target = { region, cluster, principalArn: principal }
  return Response.json(await removeAccessPolicy(target, { ...input, policyArn: policy }, session.user))
})
