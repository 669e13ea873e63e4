'use client'

import { useQuery } from '@tanstack/react-query'
import Link from 'next/link'

import { formatTimestamp } from '@/components/resources/format'
import { DetailState, MetadataPanel, YamlPanel } from '@/components/resources/object-panels'
import { Badge } from '@/components/ui/badge'
import { DescriptionList, Panel } from '@/components/ui/panel'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { roleDetailQuery } from '@/lib/queries/rbac-queries'
import { rbacPaths } from '@/lib/rbac/rbac-paths'

import { BindingsTable } from './bindings-table'
import { linkClass } from './rbac-links'
import { RulesTable } from './rules-table'
import { SelectorList } from './selector-list'

/** One Role or ClusterRole: its rules as a table, aggregation (selectors, sources, what it feeds), bindings, YAML. */
export function RoleDetailView({
  cluster,
  kind,
  name,
  namespace,
}: {
  cluster: ClusterRef
  kind: 'Role' | 'ClusterRole'
  name: string
  namespace?: string
}) {
  const target = { kind, name, namespace }
  const { data, error, refetch } = useQuery(roleDetailQuery(cluster, target))
  const what = `${kind} ${namespace ? `${namespace}/` : ''}${name}`
  if (!data) return <DetailState error={error} what={what} onRetry={() => void refetch()} />
  const { role, aggregation } = data
  const clusterRoleLink = (n: string) => (
    <Link
      key={n}
      prefetch={false}
      className={`${linkClass} font-mono text-xs`}
      href={rbacPaths.clusterRole(cluster, n)}
    >
      {n}
    </Link>
  )
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold break-all">
          {kind} {name}
        </h2>
        {aggregation ? <Badge tone="blue">aggregated</Badge> : null}
      </div>
      <Panel title="Summary">
        <DescriptionList
          items={[
            {
              label: 'Scope',
              value: namespace ? `namespace ${namespace}` : 'cluster-wide (bindable in any namespace)',
            },
            { label: 'Rules', value: role.ruleCount },
            { label: 'Bindings', value: role.bindingCount },
            { label: 'Created', value: data.meta.createdAt ? formatTimestamp(data.meta.createdAt) : '—' },
            ...(data.aggregatedInto.length
              ? [
                  {
                    label: 'Aggregated into',
                    value: <span className="flex flex-wrap gap-2">{data.aggregatedInto.map(clusterRoleLink)}</span>,
                  },
                ]
              : []),
          ]}
        />
      </Panel>
      {aggregation ? (
        <Panel
          title="Aggregation"
          description="Kubernetes fills this ClusterRole's rules with those of every ClusterRole its selectors match."
        >
          <div className="grid gap-4 md:grid-cols-2">
            <div>
              <h3 className="mb-1.5 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                Selectors
              </h3>
              <SelectorList selectors={aggregation.selectors} />
            </div>
            <div>
              <h3 className="mb-1.5 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                Source ClusterRoles
              </h3>
              {aggregation.sources.length ? (
                <ul aria-label="Source ClusterRoles" className="space-y-1">
                  {aggregation.sources.map((s) => (
                    <li key={s}>{clusterRoleLink(s)}</li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-zinc-600 dark:text-zinc-400">No ClusterRole matches the selectors.</p>
              )}
            </div>
          </div>
        </Panel>
      ) : null}
      <Panel title="Rules">
        <RulesTable
          cluster={cluster}
          caption={`Rules of ${what}`}
          rules={data.rules.map((r) => r.rule)}
          sources={aggregation ? data.rules.map((r) => r.source) : undefined}
        />
      </Panel>
      <Panel title="Bindings" description={`The RoleBindings and ClusterRoleBindings that grant ${name}.`}>
        <BindingsTable cluster={cluster} caption={`Bindings of ${what}`} bindings={data.bindings} />
      </Panel>
      <MetadataPanel labels={data.meta.labels} annotations={data.meta.annotations} />
      <YamlPanel yaml={data.meta.yaml} name={name} />
    </div>
  )
}
