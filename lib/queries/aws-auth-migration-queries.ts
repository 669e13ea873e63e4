import { queryOptions, useQueryClient } from '@tanstack/react-query'
import { useCallback, useState } from 'react'

import { fetchJson } from '@/lib/api/fetch-json'
import { MIGRATION_BATCH_SIZE } from '@/lib/aws-auth/migration-batch-size'
import type {
  EntryResult,
  MigrationComparisonDto,
  MigrationPlanDto,
  MigrationStepResultDto,
} from '@/lib/aws-auth/migration-dto'
import type { MigrationStepRequest, MigrationTarget } from '@/lib/aws-auth/migration-schemas'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { apiPath } from './api-paths'
import { clusterKeys } from './cluster-queries'

export const migrationKeys = {
  plan: (c: ClusterRef) => [...clusterKeys.all(c), 'aws-auth-migration'] as const,
  comparison: (c: ClusterRef) => [...clusterKeys.all(c), 'aws-auth-migration-comparison'] as const,
}

/** GET …/aws-auth/migration */
export const migrationPlanQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: migrationKeys.plan(c),
    queryFn: ({ signal }) => fetchJson<MigrationPlanDto>(apiPath(c, 'aws-auth', 'migration'), { signal }),
  })

/** GET …/aws-auth/migration/comparison (run on demand: it asks the cluster several questions per principal). */
export const migrationComparisonQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: migrationKeys.comparison(c),
    queryFn: ({ signal }) =>
      fetchJson<MigrationComparisonDto>(apiPath(c, 'aws-auth', 'migration', 'comparison'), { signal }),
    enabled: false,
  })

const post = (c: ClusterRef, body: MigrationStepRequest) =>
  fetchJson<MigrationStepResultDto>(apiPath(c, 'aws-auth', 'migration'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

export type MigrationRun = {
  phase: 'idle' | 'enabling' | 'creating' | 'finishing' | 'done' | 'failed'
  done: number
  total: number
  results: EntryResult[]
  final?: Extract<MigrationStepResultDto, { step: 'finish' }>
  error?: Error
}

/**
 * Runs the migration step by step (enable access entries, batches of entries, finish) so the progress bar moves with
 * each batch. Stopping halfway is safe: the next run re-plans and the server skips what exists.
 */
export function useMigrationRun(c: ClusterRef) {
  const queryClient = useQueryClient()
  const [run, setRun] = useState<MigrationRun>({ phase: 'idle', done: 0, total: 0, results: [] })
  const start = useCallback(
    async (plan: MigrationPlanDto, target: MigrationTarget, deleteAwsAuth: boolean) => {
      const entries = plan.plan.items.flatMap((i) => (i.entry ? [{ id: i.id, ...i.entry }] : []))
      let results: EntryResult[] = []
      setRun({ phase: 'enabling', done: 0, total: entries.length, results })
      try {
        if (plan.cluster.authenticationMode === 'CONFIG_MAP') await post(c, { step: 'enable-access-entries' })
        setRun((r) => ({ ...r, phase: 'creating' }))
        for (let i = 0; i < entries.length; i += MIGRATION_BATCH_SIZE) {
          const answer = await post(c, { step: 'create-entries', entries: entries.slice(i, i + MIGRATION_BATCH_SIZE) })
          if (answer.step === 'create-entries') results = [...results, ...answer.results]
          setRun((r) => ({ ...r, done: results.length, results }))
        }
        const failed = results.some((r) => r.status === 'failed')
        if (failed) throw new Error('Some entries failed (see below). Fix the cause and run the migration again.')
        setRun((r) => ({ ...r, phase: 'finishing' }))
        const final = await post(c, { step: 'finish', targetMode: target, deleteAwsAuth })
        setRun((r) => ({ ...r, phase: 'done', ...(final.step === 'finish' ? { final } : {}) }))
      } catch (error) {
        setRun((r) => ({ ...r, phase: 'failed', error: error instanceof Error ? error : new Error(String(error)) }))
      } finally {
        await queryClient.invalidateQueries({ queryKey: clusterKeys.all(c) })
      }
    },
    [c, queryClient],
  )
  return { run, start }
}
