import type { ReactNode } from 'react'

import { cn } from '@/lib/cn'

/** Class names of a text input or select, with an error tint when `invalid`. */
export function inputClasses(invalid?: boolean, className?: string): string {
  return cn(
    'block w-full rounded-md border bg-white px-3 py-1.5 text-sm shadow-sm outline-none focus:ring-2 disabled:opacity-60 dark:bg-zinc-950',
    invalid
      ? 'border-red-500 focus:ring-red-500/40 dark:border-red-500'
      : 'border-zinc-300 focus:border-sky-500 focus:ring-sky-500/30 dark:border-zinc-700',
    className,
  )
}

/** The ids a field's input must reference: `aria-describedby` lists the hint and, when present, the error. */
export function fieldIds(id: string, error?: string, hint?: ReactNode) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ')
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined }
}

/**
 * A labelled form field: label, the control (children, wired with {@link fieldIds}), a hint, a warning and the
 * error. The error is linked through aria-describedby rather than announced, so typing is not interrupted.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  warning,
  children,
  className,
}: {
  id: string
  label: ReactNode
  hint?: ReactNode
  error?: string
  warning?: ReactNode
  children: ReactNode
  className?: string
}) {
  return (
    <div className={cn('space-y-1.5', className)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      {warning ? <p className="text-xs text-amber-700 dark:text-amber-300">{warning}</p> : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  )
}
