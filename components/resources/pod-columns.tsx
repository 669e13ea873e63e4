import type { ColumnDef } from '@tanstack/react-table'
import Link from 'next/link'

import { Badge } from '@/components/ui/badge'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { shortNodeName } from '@/lib/resources/ec2-node-names'
import { podStatusTone } from '@/lib/resources/pod-status'
import type { PodRow } from '@/lib/resources/resource-dto'

import { ageColumn, nameColumn } from './resource-columns'
import { resourcePaths } from './resource-links'

const link = 'text-sky-700 hover:underline dark:text-sky-400'

/** The status badge of a Pod: its kubectl reason, coloured by health. */
export function PodStatusBadge({ status }: { status: string }) {
  return <Badge tone={podStatusTone(status)}>{status}</Badge>
}

/** The Pods table's columns (cells link to the Pod, its namespace, node and service account). */
export function buildPodColumns(cluster: ClusterRef): ColumnDef<PodRow>[] {
  return [
    nameColumn((p) => resourcePaths.pod(cluster, p.namespace, p.name)),
    {
      id: 'namespace',
      header: 'Namespace',
      accessorKey: 'namespace',
      cell: ({ row: { original: p } }) => (
        <Link prefetch={false} href={resourcePaths.namespace(cluster, p.namespace)} className={link}>
          {p.namespace}
        </Link>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      accessorKey: 'status',
      cell: ({ row: { original: p } }) => <PodStatusBadge status={p.status} />,
    },
    {
      id: 'ready',
      header: 'Ready',
      accessorFn: (p) => (p.containers ? p.ready / p.containers : 0),
      cell: ({ row: { original: p } }) => `${p.ready}/${p.containers}`,
    },
    { id: 'restarts', header: 'Restarts', accessorKey: 'restarts', meta: { className: 'tabular-nums' } },
    {
      id: 'node',
      header: 'Node',
      accessorFn: (p) => p.node ?? '',
      cell: ({ row: { original: p } }) =>
        p.node ? (
          <Link prefetch={false} href={resourcePaths.node(cluster, p.node)} title={p.node} className={link}>
            {shortNodeName(p.node)}
          </Link>
        ) : (
          <span className="text-zinc-500 dark:text-zinc-400">not scheduled</span>
        ),
    },
    {
      id: 'ip',
      header: 'IP',
      accessorFn: (p) => p.ip ?? '—',
      enableSorting: false,
      meta: { className: 'font-mono text-xs' },
    },
    ageColumn({ withTimestamp: true }),
    {
      id: 'serviceAccount',
      header: 'Service account',
      accessorFn: (p) => p.serviceAccount ?? '',
      cell: ({ row: { original: p } }) =>
        p.serviceAccount ? (
          <Link
            prefetch={false}
            href={resourcePaths.serviceAccount(cluster, p.namespace, p.serviceAccount)}
            className={link}
          >
            {p.serviceAccount}
          </Link>
        ) : (
          '—'
        ),
    },
  ]
}
