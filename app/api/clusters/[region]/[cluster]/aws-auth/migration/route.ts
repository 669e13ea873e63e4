import { withRole } from '@/lib/api/server/with-role'
import { migrationStepSchema } from '@/lib/aws-auth/migration-schemas'
import { runMigrationStep } from '@/lib/aws-auth/server/migration-apply-service'
import { loadMigrationPlan } from '@/lib/aws-auth/server/migration-plan-service'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'

type Params = { region: string; cluster: string }

// GET …/aws-auth/migration — the migration plan (IAM-resolved principals, skips with reasons, API blockers, CLI).
// Admin only: it is the wizard's page, and it calls IAM for every principal of aws-auth.
export const GET = withRole<Params>('admin', async ({ params }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  return Response.json(await loadMigrationPlan({ region, name: cluster }))
})

// POST …/aws-auth/migration — one step: enable access entries, create a batch of entries, or finish (switch to API,
// optionally delete aws-auth). Each step reads the cluster afresh, so a rerun resumes; every write is audited.
export const POST = withRole<Params>('admin', async ({ params, session, body }) => {
  const { region, cluster } = clusterParamsSchema.parse(await params)
  const step = migrationStepSchema.parse(body)
  return Response.json(await runMigrationStep({ region, name: cluster }, step, session.user))
})
