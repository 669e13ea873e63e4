import { principalSearchQuerySchema } from '@/lib/access/access-entry-params'
import { searchIamPrincipals } from '@/lib/access/server/iam-principal-search'
import { withRole } from '@/lib/api/server/with-role'
import { env } from '@/lib/env'
import { createWorkloadRole } from '@/lib/workload-identity/server/trust-fix-service'
import { createWorkloadRoleSchema } from '@/lib/workload-identity/workload-identity-schemas'

const LIMIT = 25

// GET /api/iam/roles?q=&region= — IAM roles whose name, path or ARN contains q (the role picker).
export const GET = withRole('viewer', async ({ req }) => {
  const { region, q } = principalSearchQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams))
  // The principal search is cached per region and covers roles and users; the picker wants roles only.
  const { principals } = await searchIamPrincipals(region ?? env.awsRegion, q, 10_000)
  const roles = principals.filter((p) => p.kind === 'role')
  return Response.json({ roles: roles.slice(0, LIMIT), truncated: roles.length > LIMIT })
})

// POST /api/iam/roles — create a role whose trust policy lets one service account assume it (Pod Identity or IRSA).
export const POST = withRole('editor', async ({ session, body }) => {
  const input = createWorkloadRoleSchema.parse(body)
  return Response.json(await createWorkloadRole(input, session.user), { status: 201 })
})
