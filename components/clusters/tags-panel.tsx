import { Panel } from '@/components/ui/panel'

/** The cluster's AWS tags as a key/value list. */
export function TagsPanel({ tags }: { tags: Record<string, string> }) {
  const entries = Object.entries(tags).sort(([a], [b]) => a.localeCompare(b))
  return (
    <Panel title="Tags">
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">This cluster has no tags.</p>
      ) : (
        <dl className="space-y-2 text-sm">
          {entries.map(([key, value]) => (
            <div key={key} className="flex flex-wrap gap-x-2">
              <dt className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{key}</dt>
              <dd className="font-mono text-xs break-all">{value || '(empty)'}</dd>
            </div>
          ))}
        </dl>
      )}
    </Panel>
  )
}
