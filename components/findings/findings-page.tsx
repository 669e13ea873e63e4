'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { RotateCw } from 'lucide-react'
import { useState } from 'react'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { FilterSelect } from '@/components/ui/filter-fields'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { severities } from '@/lib/findings/finding-rules'
import { fetchFindings, findingsKeys, findingsQuery } from '@/lib/queries/findings-queries'

import { ClusterProblems, SeverityCounts } from './findings-overview'
import { FindingsTable } from './findings-table'
import { listRuleFilterOptions } from './rule-filter-options'
import { severityLabel } from './severity-badge'
import { findingSorts, useFindingsFilters, type FindingSort } from './use-findings-filters'

const sortLabel: Record<FindingSort, string> = {
  severity: 'Most severe first',
  cluster: 'By cluster',
  rule: 'By rule',
}

/** Findings across every cluster (no `cluster`) or of one cluster: counts, filters, the table, and a Refresh. */
export function FindingsPage({ cluster }: { cluster?: ClusterRef }) {
  const queryClient = useQueryClient()
  const [view, update] = useFindingsFilters()
  const filters = { severity: view.severity, rule: view.rule, cluster: cluster ? '' : view.cluster }
  const { data, error, isPending, refetch } = useQuery(findingsQuery(cluster, filters))
  const [refreshing, setRefreshing] = useState(false)
  const [refreshError, setRefreshError] = useState<Error>()

  const refresh = async () => {
    setRefreshing(true)
    setRefreshError(undefined)
    try {
      const report = await fetchFindings(cluster, filters, { fresh: true })
      // Other filter combinations now describe an older evaluation: refetch them when next shown.
      await queryClient.invalidateQueries({
        queryKey: cluster ? findingsKeys.cluster(cluster) : findingsKeys.all(),
        refetchType: 'none',
      })
      queryClient.setQueryData(findingsQuery(cluster, filters).queryKey, report)
    } catch (e) {
      setRefreshError(e instanceof Error ? e : new Error(String(e)))
    } finally {
      setRefreshing(false)
    }
  }

  if (isPending)
    return (
      <div aria-busy="true" aria-label="Evaluating findings" className="space-y-3">
        <Skeleton className="h-20 w-full" />
        <Skeleton className="h-9 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    )
  if (error) return <QueryError error={error} what="findings" onRetry={() => void refetch()} />

  const ruleOptions = listRuleFilterOptions(data.byRule, view.rule)
  const filtered = Boolean(view.severity || view.rule || (!cluster && view.cluster))
  const total = Object.values(data.counts).reduce((a, b) => a + b, 0)
  const evaluated = data.clusters
    .map((c) => c.evaluatedAt)
    .filter((t): t is string => t !== null)
    .sort()[0]
  return (
    <div className="space-y-4">
      <SeverityCounts counts={data.counts} selected={view.severity} onSelect={(severity) => update({ severity })} />
      <div className="flex flex-wrap items-end gap-3">
        <FilterSelect
          id="findings-severity"
          label="Severity"
          showLabel
          allLabel="All severities"
          options={severities}
          optionLabel={(s) => severityLabel[s]}
          value={view.severity}
          onChange={(severity) => update({ severity })}
        />
        <FilterSelect
          id="findings-rule"
          label="Rule"
          showLabel
          allLabel="All rules"
          options={ruleOptions.map((o) => o.id)}
          optionLabel={(id) => ruleOptions.find((o) => o.id === id)?.label ?? id}
          value={view.rule}
          onChange={(rule) => update({ rule })}
        />
        {cluster ? null : (
          <FilterSelect
            id="findings-cluster"
            label="Cluster"
            showLabel
            allLabel="All clusters"
            options={data.clusters.map((c) => `${c.region}/${c.name}`)}
            optionLabel={(key) => key.split('/').reverse().join(' · ')}
            value={view.cluster}
            onChange={(value) => update({ cluster: value })}
          />
        )}
        <FilterSelect
          id="findings-sort"
          label="Order"
          showLabel
          allLabel={sortLabel.severity}
          options={findingSorts.filter((s) => s !== 'severity')}
          optionLabel={(s) => sortLabel[s]}
          value={view.sort === 'severity' ? '' : view.sort}
          onChange={(sort) => update({ sort: (sort || 'severity') as FindingSort })}
        />
        <div className="ml-auto flex items-center gap-3">
          <p className="text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite">
            {refreshing
              ? 'Evaluating again…'
              : evaluated
                ? `Evaluated ${new Date(evaluated).toLocaleTimeString()}`
                : null}
          </p>
          <Button onClick={() => void refresh()} disabled={refreshing}>
            <RotateCw aria-hidden="true" className="size-4" /> {refreshing ? 'Refreshing…' : 'Refresh'}
          </Button>
        </div>
      </div>
      {refreshError ? <QueryError error={refreshError} what="fresh findings" onRetry={() => void refresh()} /> : null}
      <ClusterProblems report={data} />
      {data.findings.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {filtered && total > 0
            ? 'No finding matches these filters.'
            : 'No findings: nothing the rules look for was found in the clusters that could be read.'}
        </p>
      ) : (
        <>
          <FindingsTable findings={data.findings} sort={view.sort} showCluster={!cluster} />
          {data.matched > data.findings.length ? (
            <Alert variant="info" title={`Showing ${data.findings.length} of ${data.matched} findings`}>
              The most severe come first. Narrow the list by severity, rule or cluster to see the rest.
            </Alert>
          ) : null}
        </>
      )}
    </div>
  )
}
