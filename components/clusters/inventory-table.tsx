import { IntentPrefetchLink } from '@/components/ui/intent-prefetch-link'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import type { ClusterSummary } from '@/lib/clusters/cluster-schemas'
import { clusterPagePath } from '@/lib/queries/api-paths'

import { AuthModeBadge, AutoModeBadge, StatusBadge } from './cluster-badges'

/**
 * The inventory rows: one per cluster, the name linking to its overview. The links prefetch on intent: on sight, a
 * team's fifty clusters would each have their overview rendered (and EKS asked about them) on every visit.
 */
export function InventoryTable({ clusters }: { clusters: ClusterSummary[] }) {
  return (
    <Table caption="EKS clusters across the configured regions">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Region</Th>
          <Th>Kubernetes</Th>
          <Th>Platform</Th>
          <Th>Status</Th>
          <Th>Authentication mode</Th>
          <Th>Auto Mode</Th>
        </tr>
      </thead>
      <tbody>
        {clusters.map((cluster) => (
          <Tr key={`${cluster.region}/${cluster.name}`}>
            <Td>
              <IntentPrefetchLink
                href={clusterPagePath(cluster)}
                className="font-medium text-sky-700 hover:underline dark:text-sky-400"
              >
                {cluster.name}
              </IntentPrefetchLink>
            </Td>
            <Td className="font-mono text-xs">{cluster.region}</Td>
            <Td>{cluster.version ?? '—'}</Td>
            <Td className="font-mono text-xs">{cluster.platformVersion ?? '—'}</Td>
            <Td>
              <StatusBadge status={cluster.status} />
            </Td>
            <Td>
              <AuthModeBadge mode={cluster.authenticationMode} />
            </Td>
            <Td>
              {cluster.autoMode ? (
                <AutoModeBadge />
              ) : (
                <span className="text-zinc-400">
                  <span aria-hidden="true">—</span>
                  <span className="sr-only">Off</span>
                </span>
              )}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  )
}
