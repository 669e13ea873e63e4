'use client'

import { useQuery } from '@tanstack/react-query'
import Link from 'next/link'
import { useState } from 'react'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import type { MigrationPlanDto } from '@/lib/aws-auth/migration-dto'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { clusterPagePath } from '@/lib/queries/api-paths'
import { migrationPlanQuery, useMigrationRun } from '@/lib/queries/aws-auth-migration-queries'

import { MigrationApplyPanel } from './migration-apply-panel'
import { MigrationComparisonTable } from './migration-comparison-table'
import { MigrationPlanTable } from './migration-plan-table'

function download(data: MigrationPlanDto) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = `aws-auth-migration-${data.cluster.name}.json`
  a.click()
  URL.revokeObjectURL(url)
}

/** The migration wizard: the plan, its blockers, the access comparison, and the step-wise apply with results. */
export function MigrationPage({ cluster }: { cluster: ClusterRef }) {
  const { data, error, isPending, refetch } = useQuery(migrationPlanQuery(cluster))
  const { run, start } = useMigrationRun(cluster)
  // The plan the run started from: the table keeps showing it with results while the live plan refreshes.
  const [applied, setApplied] = useState<MigrationPlanDto>()
  if (isPending) {
    return (
      <div aria-busy="true" aria-label="Loading the migration plan" className="space-y-3">
        <Skeleton className="h-20 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    )
  }
  if (error) return <QueryError error={error} what="the migration plan" onRetry={() => void refetch()} />
  const shown = applied ?? data
  const { plan } = shown
  const skippedNames = plan.items.filter((i) => i.action !== 'create')
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">Migrate aws-auth to access entries</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {data.cluster.name} is on {data.cluster.authenticationMode}. {plan.counts.create} entries to create,{' '}
            {plan.counts.skip} skipped, {plan.counts.blocked} blockers. Nothing changes until you apply.
          </p>
        </div>
        <div className="flex gap-2">
          <Button onClick={() => download(shown)}>Download plan (JSON)</Button>
          <Link className="text-sm underline" href={clusterPagePath(cluster, 'aws-auth')}>
            Back to aws-auth
          </Link>
        </div>
      </div>
      {data.cluster.authenticationMode === 'API' && !applied ? (
        <Alert variant="info" title="Already migrated">
          The cluster is on API: EKS ignores aws-auth. Nothing is left to migrate.
        </Alert>
      ) : null}
      {!data.consolePrincipal.keepsAccess ? (
        <Alert variant="error" title="The console would lock itself out">
          {data.consolePrincipal.message}
        </Alert>
      ) : null}
      {plan.apiBlockers.length > 0 ? (
        <Alert variant="warning" title="Blockers for the API mode">
          <ul className="list-disc space-y-1 pl-4">
            {plan.apiBlockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {!data.awsAuthExists || plan.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          aws-auth has no mappings: there is nothing to migrate.
        </p>
      ) : (
        <MigrationPlanTable items={plan.items} results={applied ? run.results : undefined} />
      )}
      {run.phase === 'done' && skippedNames.length > 0 ? (
        <Alert variant="info" title="Not migrated">
          <ul className="list-disc space-y-1 pl-4">
            {skippedNames.map((i) => (
              <li key={i.id}>
                {i.id} {i.source}: {i.reason}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {data.cluster.authenticationMode !== 'API' || applied ? (
        <>
          <MigrationComparisonTable cluster={cluster} />
          <MigrationApplyPanel
            data={shown}
            run={run}
            onApply={(target, deleteAwsAuth) => {
              setApplied(data)
              void start(data, target, deleteAwsAuth)
            }}
          />
        </>
      ) : null}
    </div>
  )
}
