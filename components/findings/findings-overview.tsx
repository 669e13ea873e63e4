import { Alert } from '@/components/ui/alert'
import { cn } from '@/lib/cn'
import { severities, type Severity } from '@/lib/findings/finding-rules'
import type { FindingsReport } from '@/lib/findings/findings-dto'

import { severityLabel } from './severity-badge'

const countTone: Record<Severity, string> = {
  critical: 'text-red-700 dark:text-red-300',
  high: 'text-amber-700 dark:text-amber-300',
  medium: 'text-sky-700 dark:text-sky-300',
  low: 'text-zinc-700 dark:text-zinc-300',
}

// Upstream messages do not always end a sentence; the alert's next sentence needs them to.
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`)

/** How many findings of each severity; each count filters the table to that severity (pressed = the filter). */
export function SeverityCounts({
  counts,
  selected,
  onSelect,
}: {
  counts: FindingsReport['counts']
  selected: string
  onSelect: (severity: string) => void
}) {
  return (
    <ul aria-label="Findings by severity" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {severities.map((s) => (
        <li key={s}>
          <button
            type="button"
            aria-pressed={selected === s}
            onClick={() => onSelect(selected === s ? '' : s)}
            className={cn(
              'w-full rounded-lg border border-zinc-200 bg-white p-3 text-left shadow-sm hover:bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:bg-zinc-800',
              selected === s && 'ring-2 ring-sky-500',
            )}
          >
            <span className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">{severityLabel[s]}</span>
            <span className={cn('text-2xl font-semibold tabular-nums', countTone[s])}>{counts[s]}</span>
          </button>
        </li>
      ))}
    </ul>
  )
}

/** The clusters (and regions) that could not be evaluated, and what could not be read completely. */
export function ClusterProblems({ report }: { report: FindingsReport }) {
  const failed = report.clusters.filter((c) => !c.ok)
  const partial = report.clusters.filter((c) => c.ok && c.gaps.length > 0)
  if (failed.length === 0 && partial.length === 0 && report.regionErrors.length === 0) return null
  return (
    <div className="space-y-2">
      {report.regionErrors.map((r) => (
        <Alert key={r.region} variant="error" title={`Region ${r.region} could not be listed`}>
          {sentence(r.message)} Its clusters are missing from these findings.
        </Alert>
      ))}
      {failed.map((c) => (
        <Alert key={`${c.region}/${c.name}`} variant="error" title={`${c.name} (${c.region}) could not be evaluated`}>
          {sentence(c.error ?? 'It could not be read.')} Its findings are missing; the other clusters are listed.
          Refresh to try again.
        </Alert>
      ))}
      {partial.map((c) => (
        <Alert key={`${c.region}/${c.name}`} variant="warning" title={`${c.name} was read incompletely`}>
          <ul className="list-disc pl-5">
            {c.gaps.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </Alert>
      ))}
    </div>
  )
}
