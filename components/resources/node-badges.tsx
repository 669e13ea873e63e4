import { Badge } from '@/components/ui/badge'
import type { NodeRow, NodeSource } from '@/lib/resources/resource-dto'

const sourceLabels: Record<NodeSource['kind'], string> = {
  nodegroup: 'Managed node group',
  'auto-mode': 'Auto Mode node pool',
  karpenter: 'Karpenter node pool',
  fargate: 'Fargate',
  'self-managed': 'Self-managed',
}

// The table's narrower words for the same sources; the full label is the tooltip.
const compactSourceLabels: Record<NodeSource['kind'], string> = {
  nodegroup: 'Node group',
  'auto-mode': 'Auto Mode',
  karpenter: 'Karpenter',
  fargate: 'Fargate',
  'self-managed': 'Self-managed',
}

/** "Managed node group web-general" / "Auto Mode node pool general-purpose" / "Fargate"; `compact` for tables. */
export function NodeSourceLabel({ source, compact = false }: { source: NodeSource; compact?: boolean }) {
  return (
    <span title={compact ? sourceLabels[source.kind] : undefined}>
      <span className="text-zinc-500 dark:text-zinc-400">
        {(compact ? compactSourceLabels : sourceLabels)[source.kind]}
      </span>
      {source.name ? <span className="ml-1 font-medium">{source.name}</span> : null}
    </span>
  )
}

/** Ready / NotReady, cordoned, and any pressure condition. */
export function NodeStatusBadges({ node }: { node: Pick<NodeRow, 'status' | 'problems'> }) {
  const [ready, cordoned] = node.status.split(',')
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={ready === 'Ready' ? 'green' : 'red'}>{ready}</Badge>
      {cordoned ? <Badge tone="amber">{cordoned}</Badge> : null}
      {node.problems.map((p) => (
        <Badge key={p} tone="amber">
          {p}
        </Badge>
      ))}
    </span>
  )
}
