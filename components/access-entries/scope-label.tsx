import { Badge } from '@/components/ui/badge'
import type { AssociatedPolicyDto } from '@/lib/access/access-entry-dto'

/** One associated policy as a compact chip: name and where it applies. */
export function PolicyChip({ policy }: { policy: AssociatedPolicyDto }) {
  const scope =
    policy.accessScope.type === 'cluster' ? 'whole cluster' : `namespaces ${policy.accessScope.namespaces.join(', ')}`
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={policy.policyName === 'AmazonEKSClusterAdminPolicy' ? 'red' : 'blue'}>{policy.policyName}</Badge>
      <span className="text-xs text-zinc-600 dark:text-zinc-400">{scope}</span>
    </span>
  )
}
