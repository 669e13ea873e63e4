import { Badge } from '@/components/ui/badge'
import { DescriptionList, Panel } from '@/components/ui/panel'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import type { ClusterOverview, Nodegroup } from '@/lib/clusters/cluster-schemas'

import { AutoModeBadge, StatusBadge } from './cluster-badges'

function NodegroupTable({ nodegroups }: { nodegroups: Nodegroup[] }) {
  return (
    <Table caption="Managed node groups">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Status</Th>
          <Th>Instance types</Th>
          <Th>Capacity</Th>
          <Th>Nodes (min / desired / max)</Th>
        </tr>
      </thead>
      <tbody>
        {nodegroups.map((group) => (
          <Tr key={group.name}>
            <Th
              scope="row"
              className="border-zinc-100 bg-transparent text-sm font-medium tracking-normal text-inherit normal-case dark:bg-transparent"
            >
              {group.name}
              {group.releaseVersion ? (
                <span className="block font-mono text-xs font-normal text-zinc-500 dark:text-zinc-400">
                  {group.releaseVersion}
                </span>
              ) : null}
            </Th>
            <Td>
              <StatusBadge status={group.status} />
            </Td>
            <Td className="font-mono text-xs">{group.instanceTypes.join(', ') || '—'}</Td>
            <Td>{group.capacityType ?? '—'}</Td>
            <Td className="tabular-nums">
              {group.minSize ?? '—'} / {group.desiredSize ?? '—'} / {group.maxSize ?? '—'}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}

/** Auto Mode node pools and node role, and/or managed node groups. */
export function ComputePanel({ overview }: { overview: ClusterOverview }) {
  const { computeConfig, nodegroups } = overview
  return (
    <Panel
      title="Compute"
      actions={computeConfig.enabled ? <AutoModeBadge /> : undefined}
      description={
        computeConfig.enabled
          ? 'EKS Auto Mode launches and manages the nodes from its node pools.'
          : 'Nodes come from managed node groups (self-managed nodes and Fargate are not listed here).'
      }
    >
      <div className="space-y-4">
        {computeConfig.enabled ? (
          <DescriptionList
            items={[
              {
                label: 'Built-in node pools',
                value:
                  computeConfig.nodePools.length > 0 ? (
                    <span className="flex flex-wrap gap-1.5">
                      {computeConfig.nodePools.map((pool) => (
                        <Badge key={pool}>{pool}</Badge>
                      ))}
                    </span>
                  ) : (
                    'None (custom node pools only)'
                  ),
              },
              {
                label: 'Node IAM role',
                value: <code className="font-mono text-xs break-all">{computeConfig.nodeRoleArn ?? '—'}</code>,
              },
            ]}
          />
        ) : null}
        {nodegroups.length > 0 ? (
          <NodegroupTable nodegroups={nodegroups} />
        ) : computeConfig.enabled ? null : (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">This cluster has no managed node groups.</p>
        )}
      </div>
    </Panel>
  )
}
