import { CopyButton } from '@/components/ui/copy-button'
import { DescriptionList, Panel } from '@/components/ui/panel'
import type { ClusterOverview } from '@/lib/clusters/cluster-schemas'

import { AuthModeBadge, authModeExplanation, StatusBadge } from './cluster-badges'

function Copyable({ value, label }: { value: string | null; label: string }) {
  if (!value) return <span className="text-zinc-500 dark:text-zinc-400">Not available</span>
  return (
    <span className="flex items-start gap-1">
      <code className="min-w-0 font-mono text-xs break-all">{value}</code>
      <CopyButton value={value} label={`Copy ${label}`} className="-mt-1" />
    </span>
  )
}

const formatDate = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC'
    : '—'

/** Endpoint, OIDC issuer, cluster role, version and the authentication mode explained. */
export function IdentityPanel({ overview }: { overview: ClusterOverview }) {
  return (
    <Panel title="Cluster">
      <DescriptionList
        items={[
          { label: 'Status', value: <StatusBadge status={overview.status} /> },
          {
            label: 'Kubernetes version',
            value: `${overview.version ?? '—'}${overview.platformVersion ? ` (${overview.platformVersion})` : ''}`,
          },
          { label: 'API server endpoint', value: <Copyable value={overview.endpoint} label="API server endpoint" /> },
          { label: 'OpenID Connect issuer', value: <Copyable value={overview.oidcIssuer} label="OIDC issuer URL" /> },
          { label: 'Cluster IAM role', value: <Copyable value={overview.roleArn} label="cluster IAM role ARN" /> },
          { label: 'Created', value: formatDate(overview.createdAt) },
        ]}
      />
      <div className="mt-5 rounded-md bg-zinc-50 p-4 dark:bg-zinc-800/50">
        <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold">
          Authentication mode <AuthModeBadge mode={overview.authenticationMode} />
        </h3>
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
          {authModeExplanation[overview.authenticationMode]}
        </p>
      </div>
    </Panel>
  )
}
