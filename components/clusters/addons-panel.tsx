import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Panel } from '@/components/ui/panel'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import type { ClusterOverview } from '@/lib/clusters/cluster-schemas'

import { StatusBadge } from './cluster-badges'

function PodIdentityAgentNote({ agent }: { agent: ClusterOverview['podIdentityAgent'] }) {
  if (agent === 'built-in') {
    return (
      <Alert variant="info" title="EKS Pod Identity agent: built in, no add-on needed">
        EKS Auto Mode nodes run the Pod Identity agent themselves, so Pod Identity associations work without the
        eks-pod-identity-agent add-on.
      </Alert>
    )
  }
  if (agent === 'missing') {
    return (
      <Alert variant="warning" title="EKS Pod Identity agent is not installed">
        Pod Identity associations on this cluster will not give Pods credentials until the eks-pod-identity-agent add-on
        is installed. IRSA does not need it.
      </Alert>
    )
  }
  return null
}

/** EKS add-ons, with the Pod Identity agent called out. */
export function AddonsPanel({ overview }: { overview: ClusterOverview }) {
  return (
    <Panel title="Add-ons">
      <div className="space-y-4">
        <PodIdentityAgentNote agent={overview.podIdentityAgent} />
        {overview.addons.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">No EKS add-ons are installed.</p>
        ) : (
          <Table caption="EKS add-ons">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Version</Th>
                <Th>Status</Th>
                <Th>IAM role (IRSA)</Th>
              </tr>
            </thead>
            <tbody>
              {overview.addons.map((addon) => (
                <Tr key={addon.name}>
                  <Td>
                    <span className="font-medium">{addon.name}</span>
                    {addon.isPodIdentityAgent ? (
                      <Badge tone="blue" className="ml-2">
                        Pod Identity agent
                      </Badge>
                    ) : null}
                  </Td>
                  <Td className="font-mono text-xs">{addon.version ?? '—'}</Td>
                  <Td>
                    <StatusBadge status={addon.status} />
                  </Td>
                  <Td className="font-mono text-xs break-all">{addon.serviceAccountRoleArn ?? '—'}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </Panel>
  )
}
