import { Sparkles } from 'lucide-react'

import { Badge, type BadgeTone } from '@/components/ui/badge'
import type { AuthenticationMode } from '@/lib/clusters/cluster-schemas'

// EKS cluster statuses: CREATING | ACTIVE | DELETING | FAILED | UPDATING | PENDING.
const statusTone: Record<string, BadgeTone> = {
  ACTIVE: 'green',
  CREATING: 'blue',
  UPDATING: 'blue',
  PENDING: 'amber',
  DELETING: 'amber',
  FAILED: 'red',
  DEGRADED: 'amber',
  CREATE_FAILED: 'red',
  DELETE_FAILED: 'red',
}

/** A cluster, node group or add-on status, coloured by health. */
export function StatusBadge({ status }: { status: string }) {
  const label = status.charAt(0) + status.slice(1).toLowerCase().replaceAll('_', ' ')
  return <Badge tone={statusTone[status] ?? 'neutral'}>{label}</Badge>
}

/** Short labels of the three authentication modes. */
const authModeLabel: Record<AuthenticationMode, string> = {
  API: 'EKS API',
  API_AND_CONFIG_MAP: 'EKS API and ConfigMap',
  CONFIG_MAP: 'ConfigMap',
}

/** One sentence per authentication mode: which sources of IAM → Kubernetes mappings the cluster reads. */
export const authModeExplanation: Record<AuthenticationMode, string> = {
  API: 'Only access entries grant IAM principals access; the aws-auth ConfigMap is ignored.',
  API_AND_CONFIG_MAP:
    'Both access entries and the aws-auth ConfigMap grant access; for the same principal the access entry wins.',
  CONFIG_MAP:
    'Only the aws-auth ConfigMap in kube-system grants access; access entries are unavailable until the mode is changed.',
}

/** The authentication mode as a badge, with the mode's API name for people who know it. */
export function AuthModeBadge({ mode }: { mode: AuthenticationMode }) {
  return (
    <Badge tone={mode === 'CONFIG_MAP' ? 'amber' : mode === 'API' ? 'blue' : 'violet'}>
      <span title={mode}>{authModeLabel[mode]}</span>
    </Badge>
  )
}

/** Marks an EKS Auto Mode cluster. */
export function AutoModeBadge() {
  return (
    <Badge tone="violet">
      <Sparkles aria-hidden="true" className="size-3" /> Auto Mode
    </Badge>
  )
}
