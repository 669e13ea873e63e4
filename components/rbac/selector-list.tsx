import { Badge } from '@/components/ui/badge'
import type { RoleDetail } from '@/lib/rbac/rbac-dto'

type Selector = NonNullable<RoleDetail['aggregation']>['selectors'][number]

/** An aggregation rule's label selectors, each as its requirements (`key=value`, `key In (a, b)`); any one matches. */
export function SelectorList({ selectors }: { selectors: Selector[] }) {
  if (selectors.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No selectors.</p>
  return (
    <ul className="space-y-2">
      {selectors.map((s, i) => {
        const parts = [
          ...Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
          ...(s.matchExpressions ?? []).map(
            (e) => `${e.key} ${e.operator}${e.values?.length ? ` (${e.values.join(', ')})` : ''}`,
          ),
        ]
        return (
          <li key={i} className="flex flex-wrap items-center gap-1.5">
            {i > 0 ? <span className="text-xs text-zinc-500 dark:text-zinc-400">or</span> : null}
            {parts.length ? (
              parts.map((p) => (
                <Badge key={p} className="font-mono break-all whitespace-normal">
                  {p}
                </Badge>
              ))
            ) : (
              <Badge tone="amber">matches every ClusterRole</Badge>
            )}
          </li>
        )
      })}
    </ul>
  )
}
