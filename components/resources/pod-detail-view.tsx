'use client'

import { useQuery } from '@tanstack/react-query'
import Link from 'next/link'

import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { DescriptionList, Panel } from '@/components/ui/panel'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { podDetailQuery } from '@/lib/queries/resource-queries'

import { formatAge, formatTimestamp } from './format'
import { DetailState, EventsPanel, MetadataPanel, YamlPanel } from './object-panels'
import { PodStatusBadge } from './pod-columns'
import { resourcePaths } from './resource-links'

const link = 'text-sky-700 hover:underline dark:text-sky-400'

/** One Pod: status and why, where it runs (node link), who it runs as (service account link), containers, events. */
export function PodDetailView({ cluster, namespace, name }: { cluster: ClusterRef; namespace: string; name: string }) {
  const { data: pod, error, refetch } = useQuery(podDetailQuery(cluster, namespace, name))
  if (!pod) return <DetailState error={error} what={`pod ${namespace}/${name}`} onRetry={() => void refetch()} />
  const r = pod.row
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold break-all">Pod {r.name}</h2>
        <PodStatusBadge status={r.status} />
      </div>
      {pod.message && r.status !== 'Running' ? (
        <Alert variant={r.status === 'Completed' ? 'info' : 'warning'} title={`Why it is ${r.status}`}>
          {pod.message}
        </Alert>
      ) : null}
      <Panel title="Summary">
        <DescriptionList
          items={[
            {
              label: 'Namespace',
              value: (
                <Link prefetch={false} className={link} href={resourcePaths.namespace(cluster, r.namespace)}>
                  {r.namespace}
                </Link>
              ),
            },
            {
              label: 'Node',
              value: r.node ? (
                <Link prefetch={false} className={link} href={resourcePaths.node(cluster, r.node)}>
                  {r.node}
                </Link>
              ) : (
                'Not scheduled'
              ),
            },
            {
              label: 'Service account',
              value: r.serviceAccount ? (
                <Link
                  prefetch={false}
                  className={link}
                  href={resourcePaths.serviceAccount(cluster, r.namespace, r.serviceAccount)}
                >
                  {r.serviceAccount}
                </Link>
              ) : (
                '—'
              ),
            },
            { label: 'Phase', value: r.phase },
            { label: 'Ready', value: `${r.ready}/${r.containers}` },
            { label: 'Restarts', value: r.restarts },
            { label: 'Pod IP', value: r.ip ?? '—' },
            { label: 'Host IP', value: pod.hostIP ?? '—' },
            { label: 'Controlled by', value: pod.owner ? `${pod.owner.kind} ${pod.owner.name}` : '—' },
            { label: 'QoS class', value: pod.qosClass ?? '—' },
            { label: 'Created', value: `${formatTimestamp(pod.createdAt)} (${formatAge(pod.createdAt)} ago)` },
            { label: 'UID', value: <span className="font-mono text-xs">{pod.uid ?? '—'}</span> },
          ]}
        />
      </Panel>
      <Panel title="Containers">
        <Table caption={`Containers of ${r.name}`}>
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Image</Th>
              <Th>State</Th>
              <Th>Ready</Th>
              <Th>Restarts</Th>
              <Th>Last termination</Th>
            </tr>
          </thead>
          <tbody>
            {pod.containers.map((c) => (
              <Tr key={`${c.init}/${c.name}`}>
                <Td>
                  {c.name} {c.init ? <Badge>init</Badge> : null}
                </Td>
                <Td className="font-mono text-xs break-all">{c.image}</Td>
                <Td>{c.state}</Td>
                <Td>{c.ready ? 'Yes' : 'No'}</Td>
                <Td>{c.restarts}</Td>
                <Td>{c.lastTermination ?? '—'}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
        <ul className="mt-4 flex flex-wrap gap-2" aria-label="Conditions">
          {pod.conditions.map((c) => (
            <li key={c.type}>
              <Badge tone={c.status === 'True' ? 'green' : 'amber'}>
                {c.type}: {c.status}
                {c.reason ? ` (${c.reason})` : ''}
              </Badge>
            </li>
          ))}
        </ul>
      </Panel>
      <EventsPanel cluster={cluster} target={{ kind: 'Pod', name: r.name, namespace: r.namespace }} />
      <MetadataPanel labels={pod.labels} annotations={pod.annotations} />
      <YamlPanel yaml={pod.yaml} name={r.name} />
    </div>
  )
}
