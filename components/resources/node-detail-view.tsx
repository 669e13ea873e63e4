'use client'

import { useQuery } from '@tanstack/react-query'
import Link from 'next/link'

import { Badge } from '@/components/ui/badge'
import { buttonClasses } from '@/components/ui/button'
import { DescriptionList, Panel } from '@/components/ui/panel'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { nodeDetailQuery, podCountsQuery } from '@/lib/queries/resource-queries'
import { formatCpu, formatMemory } from '@/lib/resources/quantity'

import { formatAge, formatTimestamp } from './format'
import { NodeSourceLabel, NodeStatusBadges } from './node-badges'
import { DetailState, EventsPanel, MetadataPanel, YamlPanel } from './object-panels'
import { resourcePaths } from './resource-links'

/** One node: readiness and conditions, where it comes from, capacity, its Pods (link) and events. */
export function NodeDetailView({ cluster, name }: { cluster: ClusterRef; name: string }) {
  const { data: node, error, refetch } = useQuery(nodeDetailQuery(cluster, name))
  const { data: counts } = useQuery(podCountsQuery(cluster, 'nodes', [name]))
  if (!node) return <DetailState error={error} what={`node ${name}`} onRetry={() => void refetch()} />
  const r = node.row
  const count = counts?.counts[name]
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-lg font-semibold break-all">Node {r.name}</h2>
          <NodeStatusBadges node={r} />
        </div>
        <Link className={buttonClasses()} href={resourcePaths.pods(cluster, `?node=${encodeURIComponent(r.name)}`)}>
          Pods on this node{count?.count != null ? ` (${count.count}${count.atLeast ? '+' : ''})` : ''}
        </Link>
      </div>
      <Panel title="Summary">
        <DescriptionList
          items={[
            { label: 'Source', value: <NodeSourceLabel source={r.source} /> },
            { label: 'Instance type', value: r.instanceType ?? '—' },
            { label: 'Zone', value: r.zone ?? '—' },
            { label: 'Kubelet version', value: r.version ?? '—' },
            { label: 'Roles', value: r.roles.join(', ') || '—' },
            { label: 'Internal IP', value: node.internalIP ?? '—' },
            {
              label: 'CPU allocatable / capacity',
              value: `${formatCpu(r.cpuAllocatable)} / ${formatCpu(r.cpuCapacity)} cores`,
            },
            {
              label: 'Memory allocatable / capacity',
              value: `${formatMemory(r.memoryAllocatable)} / ${formatMemory(r.memoryCapacity)}`,
            },
            { label: 'Max pods', value: node.podCapacity ?? '—' },
            { label: 'OS image', value: node.osImage ?? '—' },
            { label: 'Architecture', value: node.architecture ?? '—' },
            { label: 'Container runtime', value: node.containerRuntime ?? '—' },
            { label: 'Provider ID', value: <span className="font-mono text-xs">{node.providerId ?? '—'}</span> },
            { label: 'Taints', value: node.taints.length ? node.taints.join(', ') : 'None' },
            { label: 'Created', value: `${formatTimestamp(node.createdAt)} (${formatAge(node.createdAt)} ago)` },
          ]}
        />
      </Panel>
      <Panel title="Conditions">
        <ul className="space-y-2">
          {node.conditions.map((c) => {
            const healthy = c.type === 'Ready' ? c.status === 'True' : c.status === 'False'
            return (
              <li key={c.type} className="text-sm">
                <Badge tone={healthy ? 'green' : 'red'}>
                  {c.type}: {c.status}
                </Badge>{' '}
                <span className="text-zinc-600 dark:text-zinc-400">{c.message ?? c.reason ?? ''}</span>
              </li>
            )
          })}
        </ul>
      </Panel>
      <EventsPanel cluster={cluster} target={{ kind: 'Node', name: r.name }} />
      <MetadataPanel labels={node.labels} annotations={node.annotations} />
      <YamlPanel yaml={node.yaml} name={r.name} />
    </div>
  )
}
