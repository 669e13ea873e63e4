import { withRole } from '@/lib/api/server/with-role'
import { compareMigratedAccess } from '@/lib/aws-auth/server/migration-comparison-service'
import { loadMigrationPlan } from '@/lib/aws-auth/server/migration-plan-service'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'

type Params = { region: string; cluster: string }

// GET …/aws-auth/migration/comparison — per planned principal, the same fixed requests asked of the cluster for its
// aws-auth identity and its access-entry identity (SubjectAccessReview + the access policies' published rules).
export const GET = withRole<Params>('admin', async ({ params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const ref = { region, name: cluster }
  const { plan } = await loadMigrationPlan(ref)
  return Response.json({ comparisons: await compareMigratedAccess(ref, plan.items) })
})
