import { diffLines, type DiffLine } from '@/lib/aws-auth/line-diff'
import { cn } from '@/lib/cn'

const CONTEXT = 3

type Shown = DiffLine | { kind: 'gap'; count: number }

function collapse(lines: DiffLine[]): Shown[] {
  const near = (i: number) =>
    lines.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((line) => line.kind !== 'same')
  const shown: Shown[] = []
  lines.forEach((line, i) => {
    if (line.kind !== 'same' || near(i)) shown.push(line)
    else if (shown.at(-1)?.kind === 'gap') (shown.at(-1) as { count: number }).count++
    else shown.push({ kind: 'gap', count: 1 })
  })
  return shown
}

/** The ConfigMap before → after as a unified line diff (<ins>/<del>), unchanged runs folded. */
export function YamlDiff({ before, after, label }: { before: string; after: string; label: string }) {
  const shown = collapse(diffLines(before, after))
  const added = shown.filter((l) => l.kind === 'added').length
  const removed = shown.filter((l) => l.kind === 'removed').length
  return (
    <figure className="rounded-md border border-zinc-200 dark:border-zinc-800">
      <figcaption className="flex justify-between border-b border-zinc-200 px-3 py-1.5 text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        <span>{label}</span>
        <span>
          <span className="text-emerald-700 dark:text-emerald-400">+{added}</span>{' '}
          <span className="text-red-700 dark:text-red-400">−{removed}</span>
        </span>
      </figcaption>
      <pre tabIndex={0} className="max-h-80 overflow-auto py-2 font-mono text-xs leading-relaxed">
        {shown.map((line, i) =>
          line.kind === 'gap' ? (
            <div key={i} className="px-3 text-zinc-500 italic select-none dark:text-zinc-400">
              … {line.count} unchanged {line.count === 1 ? 'line' : 'lines'}
            </div>
          ) : line.kind === 'same' ? (
            <div key={i} className="px-3 whitespace-pre">
              {'  '}
              {line.text}
            </div>
          ) : (
            <div
              key={i}
              className={cn(
                'px-3 whitespace-pre',
                line.kind === 'added'
                  ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200'
                  : 'bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-200',
              )}
            >
              {line.kind === 'added' ? (
                <ins className="no-underline">+ {line.text}</ins>
              ) : (
                <del className="no-underline">- {line.text}</del>
              )}
            </div>
          ),
        )}
      </pre>
    </figure>
  )
}
