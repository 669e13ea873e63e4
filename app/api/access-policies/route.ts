import { regionQuerySchema } from '@/lib/access/access-entry-params'
import { listExplainedAccessPolicies } from '@/lib/access/server/access-policies'
import { withRole } from '@/lib/api/server/with-role'
import { env } from '@/lib/env'

// GET /api/access-policies[?region=] — every policy ListAccessPolicies returns, explained from the catalogue.
export const GET = withRole('viewer', async ({ req }) => {
  const { region } = regionQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams))
  return Response.json({ policies: await listExplainedAccessPolicies(region ?? env.awsRegion) })
})
