'use client'

import { useQuery } from '@tanstack/react-query'

import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { QueryError } from '@/components/ui/query-error'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import { accessProbes } from '@/lib/aws-auth/migration-comparison'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { migrationComparisonQuery } from '@/lib/queries/aws-auth-migration-queries'

const yes = (allowed: boolean) => (allowed ? 'yes' : 'no')

/** Before/after access per principal the plan migrates, asked of the cluster on demand. */
export function MigrationComparisonTable({ cluster }: { cluster: ClusterRef }) {
  const { data, error, isFetching, refetch } = useQuery(migrationComparisonQuery(cluster))
  return (
    <section aria-labelledby="comparison-heading" className="space-y-2">
      <h3 id="comparison-heading" className="font-semibold">
        Access before and after
      </h3>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        For each principal, the cluster answers the same {accessProbes.length} requests (
        {accessProbes.map((p) => p.label).join(', ')}) for its aws-auth identity and for its access entry: RBAC and
        system:masters through SubjectAccessReview, access policies by their published rules. Templates are compared as
        written; node and Fargate entries get EKS&apos;s own identity and are not probed.
      </p>
      <Button onClick={() => void refetch()} disabled={isFetching} aria-busy={isFetching}>
        {isFetching ? 'Comparing…' : data ? 'Compare again' : 'Compare access'}
      </Button>
      {error ? <QueryError error={error} what="the access comparison" onRetry={() => void refetch()} /> : null}
      {data && data.comparisons.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No principal left to migrate.</p>
      ) : null}
      {data && data.comparisons.length > 0 ? (
        <Table caption="Access before and after the migration, per principal">
          <thead>
            <tr>
              <Th>Mapping</Th>
              <Th>Verdict</Th>
              <Th>Requests (before → after)</Th>
            </tr>
          </thead>
          <tbody>
            {data.comparisons.map((c) => (
              <Tr key={c.id}>
                <Td className="align-top">
                  <div className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{c.id}</div>
                  <div className="max-w-72 text-xs break-all">{c.principalArn}</div>
                </Td>
                <Td className="align-top">
                  <Badge tone={c.verdict === 'same' ? 'green' : c.verdict === 'eks-managed' ? 'blue' : 'red'}>
                    {c.verdict === 'same' ? 'same access' : c.verdict === 'eks-managed' ? 'set by EKS' : c.verdict}
                  </Badge>
                  {c.message ? <p className="mt-1 text-xs">{c.message}</p> : null}
                </Td>
                <Td className="text-xs">
                  <ul>
                    {c.probes.map((p) => (
                      <li
                        key={p.label}
                        className={p.before !== p.after ? 'font-semibold text-red-700 dark:text-red-400' : ''}
                      >
                        {p.label}: {yes(p.before)} → {yes(p.after)}
                      </li>
                    ))}
                  </ul>
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </section>
  )
}
