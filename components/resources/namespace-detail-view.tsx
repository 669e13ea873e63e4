'use client'

import { useQuery } from '@tanstack/react-query'
import Link from 'next/link'

import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { buttonClasses } from '@/components/ui/button'
import { DescriptionList, Panel } from '@/components/ui/panel'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { namespaceDetailQuery, podCountsQuery } from '@/lib/queries/resource-queries'

import { formatAge, formatTimestamp } from './format'
import { DetailState, EventsPanel, MetadataPanel, YamlPanel } from './object-panels'
import { resourcePaths } from './resource-links'

/** One namespace: status, Pod count (or why it cannot be counted), a link to its Pods, labels, events, YAML. */
export function NamespaceDetailView({ cluster, name }: { cluster: ClusterRef; name: string }) {
  const { data: ns, error, refetch } = useQuery(namespaceDetailQuery(cluster, name))
  const { data: counts } = useQuery(podCountsQuery(cluster, 'namespaces', [name]))
  if (!ns) return <DetailState error={error} what={`namespace ${name}`} onRetry={() => void refetch()} />
  const count = counts?.counts[name]
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <h2 className="text-lg font-semibold">Namespace {ns.name}</h2>
          <Badge tone={ns.row.status === 'Active' ? 'green' : 'amber'}>{ns.row.status}</Badge>
        </div>
        <Link className={buttonClasses()} href={resourcePaths.pods(cluster, `?ns=${encodeURIComponent(ns.name)}`)}>
          Pods in this namespace{count?.count != null ? ` (${count.count})` : ''}
        </Link>
      </div>
      {count?.forbidden ? (
        <Alert variant="warning" title={`The console's role cannot list pods in namespace ${ns.name}`}>
          {count.forbidden}
        </Alert>
      ) : null}
      <Panel title="Summary">
        <DescriptionList
          items={[
            { label: 'Status', value: ns.row.status },
            { label: 'Pods', value: count ? (count.count ?? 'no permission to list') : '…' },
            { label: 'Created', value: `${formatTimestamp(ns.createdAt)} (${formatAge(ns.createdAt)} ago)` },
            { label: 'UID', value: <span className="font-mono text-xs">{ns.uid ?? '—'}</span> },
          ]}
        />
      </Panel>
      <EventsPanel cluster={cluster} target={{ kind: 'Namespace', name: ns.name }} />
      <MetadataPanel labels={ns.labels} annotations={ns.annotations} />
      <YamlPanel yaml={ns.yaml} name={ns.name} />
    </div>
  )
}
