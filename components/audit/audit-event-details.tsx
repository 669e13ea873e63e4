import type { AuditEventDto } from '@/lib/audit/audit-dto'
import { cn } from '@/lib/cn'

import { diffJson } from './json-diff'

const lineStyles = {
  same: 'text-zinc-700 dark:text-zinc-300',
  added: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200',
  removed: 'bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-200',
} as const
const marks = { same: ' ', added: '+', removed: '-' } as const
const spoken = { same: '', added: 'added: ', removed: 'removed: ' } as const

function describeSide(value: unknown, side: 'before' | 'after'): string {
  if (value === undefined) return `${side === 'before' ? 'Before' : 'After'}: not recorded for this action.`
  if (value === null) return side === 'before' ? 'Before: did not exist.' : 'After: removed.'
  return ''
}

/** The expanded part of an audit row: the message in full and the before → after JSON as a line diff. */
export function AuditEventDetails({ event }: { event: AuditEventDto }) {
  const lines = diffJson(event.before, event.after)
  const notes = [describeSide(event.before, 'before'), describeSide(event.after, 'after')].filter(Boolean)
  return (
    <div className="space-y-3 py-1">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Action <code className="font-mono">{event.action}</code> · event {event.id} ·{' '}
        <time dateTime={event.occurredAt}>{event.occurredAt}</time>
      </p>
      {event.message ? (
        <div>
          <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Message</h3>
          <p className="mt-1 text-sm break-words">{event.message}</p>
        </div>
      ) : null}
      <div>
        <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
          Before → after
        </h3>
        {notes.length > 0 ? <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{notes.join(' ')}</p> : null}
        {lines.length > 0 ? (
          // Focusable so keyboard users can scroll a long diff (axe scrollable-region-focusable).
          <pre
            tabIndex={0}
            aria-label={`Changes to ${event.target}`}
            className="mt-2 max-h-96 overflow-auto rounded-md border border-zinc-200 bg-white py-2 text-xs leading-relaxed dark:border-zinc-800 dark:bg-zinc-950"
          >
            <code>
              {lines.map((line, index) => (
                <span key={index} className={cn('block px-3 whitespace-pre', lineStyles[line.kind])}>
                  <span aria-hidden="true" className="mr-2 inline-block w-2 select-none">
                    {marks[line.kind]}
                  </span>
                  <span className="sr-only">{spoken[line.kind]}</span>
                  {line.text}
                </span>
              ))}
            </code>
          </pre>
        ) : null}
      </div>
    </div>
  )
}
