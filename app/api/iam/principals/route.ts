import { principalSearchQuerySchema } from '@/lib/access/access-entry-params'
import { searchIamPrincipals } from '@/lib/access/server/iam-principal-search'
import { withRole } from '@/lib/api/server/with-role'
import { env } from '@/lib/env'

// GET /api/iam/principals?q=&region= — IAM roles and users whose name, path or ARN contains q.
export const GET = withRole('viewer', async ({ req }) => {
  const { region, q } = principalSearchQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams))
  return Response.json(await searchIamPrincipals(region ?? env.awsRegion, q))
})
