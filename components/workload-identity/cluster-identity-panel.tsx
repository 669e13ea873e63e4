import { DescriptionList, Panel } from '@/components/ui/panel'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { ClusterIdentityFacts } from '@/lib/workload-identity/workload-identity-schemas'

import { OidcProviderButton } from './oidc-provider-button'
import { VerdictBadge } from './verdict-badge'

/** What every mapping on the cluster depends on: the Pod Identity agent and the IAM OIDC provider for IRSA. */
export function ClusterIdentityPanel({
  cluster,
  facts,
  canEdit,
}: {
  cluster: ClusterRef
  facts: ClusterIdentityFacts
  canEdit: boolean
}) {
  const agent = facts.autoMode ? (
    <span className="flex flex-wrap items-center gap-2">
      <VerdictBadge status="pass" label="Built in" /> EKS Auto Mode nodes run the agent; no add-on is needed.
    </span>
  ) : facts.agent.source === 'missing' ? (
    <span className="flex flex-wrap items-center gap-2">
      <VerdictBadge status="warn" label="Not installed" /> The eks-pod-identity-agent add-on is not installed; Pod
      Identity associations need it.
    </span>
  ) : (
    <span className="flex flex-wrap items-center gap-2">
      <VerdictBadge
        status={facts.agent.status === 'ACTIVE' ? 'pass' : 'fail'}
        label={facts.agent.status ?? 'Unknown'}
      />
      eks-pod-identity-agent {facts.agent.version}
    </span>
  )
  const provider = !facts.oidcIssuer ? (
    'The cluster reports no OIDC issuer.'
  ) : facts.oidcProvider?.exists ? (
    <span className="flex flex-wrap items-center gap-2">
      <VerdictBadge status="pass" label="Exists" />
      <span className="break-all">{facts.oidcProvider.arn}</span>
    </span>
  ) : (
    <span className="flex flex-col items-start gap-2">
      <span className="flex flex-wrap items-center gap-2">
        <VerdictBadge status="fail" label="Missing" /> IAM has no OIDC provider for this issuer: IRSA cannot work.
      </span>
      {canEdit ? <OidcProviderButton cluster={cluster} issuer={facts.oidcIssuer} /> : null}
    </span>
  )
  return (
    <Panel title="Cluster prerequisites" description="What Pod Identity and IRSA need on this cluster.">
      <DescriptionList
        items={[
          { label: 'Pod Identity agent', value: agent },
          { label: 'IAM OIDC provider (IRSA)', value: provider },
          { label: 'OIDC issuer', value: <span className="break-all">{facts.oidcIssuer ?? 'none'}</span> },
        ]}
      />
    </Panel>
  )
}
