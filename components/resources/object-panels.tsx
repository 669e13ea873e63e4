'use client'

import { useQuery } from '@tanstack/react-query'

import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { CopyButton } from '@/components/ui/copy-button'
import { Panel } from '@/components/ui/panel'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { objectEventsQuery } from '@/lib/queries/resource-queries'

import { formatAge, formatTimestamp } from './format'

/** Labels and annotations as key=value chips. */
export function MetadataPanel({
  labels,
  annotations,
}: {
  labels: Record<string, string>
  annotations: Record<string, string>
}) {
  const list = (entries: [string, string][], empty: string) =>
    entries.length === 0 ? (
      <p className="text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>
    ) : (
      <ul className="flex flex-wrap gap-1.5">
        {entries.map(([k, v]) => (
          <li key={k}>
            <Badge className="font-mono break-all whitespace-normal">
              {k}={v}
            </Badge>
          </li>
        ))}
      </ul>
    )
  return (
    <Panel title="Labels and annotations">
      <div className="space-y-4">
        <div>
          <h3 className="mb-1.5 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            Labels
          </h3>
          {list(Object.entries(labels), 'No labels')}
        </div>
        <div>
          <h3 className="mb-1.5 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            Annotations
          </h3>
          {list(Object.entries(annotations), 'No annotations')}
        </div>
      </div>
    </Panel>
  )
}

/** The object as YAML (as `kubectl get -o yaml` prints it, without managedFields) with a copy button. */
export function YamlPanel({ yaml, name }: { yaml: string; name: string }) {
  return (
    <Panel title="YAML" actions={<CopyButton value={yaml} label={`Copy the YAML of ${name}`} />}>
      <pre
        tabIndex={0}
        aria-label={`YAML of ${name}`}
        className="max-h-[32rem] overflow-auto rounded-md bg-zinc-50 p-3 text-xs leading-relaxed dark:bg-zinc-950"
      >
        <code>{yaml}</code>
      </pre>
    </Panel>
  )
}

/** The object's events, newest first; a 403 on events is said in place. */
export function EventsPanel({
  cluster,
  target,
}: {
  cluster: ClusterRef
  target: { kind: 'Pod' | 'Node' | 'Namespace'; name: string; namespace?: string }
}) {
  const { data, error, isPending, refetch } = useQuery(objectEventsQuery(cluster, target))
  return (
    <Panel title="Events">
      {isPending ? (
        <Skeleton className="h-16 w-full" />
      ) : error ? (
        <QueryError error={error} what="events" onRetry={() => void refetch()} />
      ) : data.forbidden ? (
        <Alert variant="warning" title="The console's role cannot list events here">
          {data.forbidden.message}
        </Alert>
      ) : data.events.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No events (Kubernetes keeps them for about an hour).</p>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {data.events.map((e, i) => (
            <li key={i} className="py-2 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={e.type === 'Warning' ? 'amber' : 'neutral'}>{e.type}</Badge>
                <span className="font-medium">{e.reason}</span>
                <span className="text-xs text-zinc-500 dark:text-zinc-400" title={formatTimestamp(e.lastSeen)}>
                  {e.count > 1 ? `${e.count}× · ` : ''}last seen {formatAge(e.lastSeen)} ago
                  {e.source ? ` · ${e.source}` : ''}
                </span>
              </div>
              <p className="mt-1 break-words text-zinc-700 dark:text-zinc-300">{e.message}</p>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  )
}

/** Loading and error states shared by the detail views (a 404 or 403 is said plainly). */
export function DetailState({ error, what, onRetry }: { error: Error | null; what: string; onRetry: () => void }) {
  if (!error) {
    return (
      <div aria-busy="true" aria-label={`Loading ${what}`} className="space-y-3">
        <Skeleton className="h-8 w-80" />
        <Skeleton className="h-48 w-full" />
      </div>
    )
  }
  return <QueryError error={error} what={what} onRetry={onRetry} />
}
