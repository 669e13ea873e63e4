import { Lock } from 'lucide-react'

import { Alert } from '@/components/ui/alert'
import type { ForbiddenNotice } from '@/lib/resources/resource-dto'

/** Every distinct 403 met while paging, said in place: which verb, which resource, which namespace. */
export function ForbiddenNotices({ notices }: { notices: ForbiddenNotice[] }) {
  const unique = [...new Map(notices.map((n) => [`${n.namespace ?? '*'}/${n.verb}/${n.resource}`, n])).values()]
  if (unique.length === 0) return null
  return (
    <Alert variant="warning" title="Some of this list is hidden from the console's role">
      <ul className="space-y-1">
        {unique.map((n) => (
          <li key={`${n.namespace ?? '*'}/${n.verb}/${n.resource}`} className="flex items-start gap-1.5">
            <Lock aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
            <span>
              {n.namespace ? (
                <>
                  No permission to <strong>{n.verb}</strong> {n.resource} in namespace <strong>{n.namespace}</strong>
                </>
              ) : (
                <>
                  No permission to <strong>{n.verb}</strong> {n.resource} across the cluster; showing the namespaces the
                  console can list
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
    </Alert>
  )
}

/** The line above a list: how many rows are loaded, what is known of the rest, and what sorts where. */
export function ListSummary({
  noun,
  loaded,
  remaining,
  complete,
  filtered,
  sorted,
}: {
  noun: string
  loaded: number
  remaining: number | null
  complete: boolean
  filtered: boolean
  sorted: boolean
}) {
  const total = remaining !== null ? loaded + remaining : null
  const count = complete
    ? `${loaded.toLocaleString('en-US')} ${loaded === 1 ? noun.replace(/s$/, '') : noun}`
    : total !== null
      ? `${loaded.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${noun} loaded`
      : `${loaded.toLocaleString('en-US')} ${noun} loaded so far`
  return (
    <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
      {count}
      {filtered ? ' matching the filters' : ''}
      {' · '}
      {sorted && !complete
        ? 'sorted within the loaded rows only; Kubernetes returns them in name order'
        : sorted
          ? 'sorted in the browser'
          : complete
            ? 'in name order, as Kubernetes returns them'
            : 'in name order, as Kubernetes returns them; more load as you scroll'}
    </p>
  )
}
