import type { ComponentProps } from 'react'

import { cn } from '@/lib/cn'

/**
 * A data table inside a bordered, horizontally scrollable frame; `caption` names it for screen readers. The frame is
 * `relative` so the cells' screen-reader labels (`sr-only` is position: absolute) scroll with it instead of widening
 * the page: an absolute box is clipped only by overflow between it and its containing block.
 */
export function Table({ caption, className, children, ...props }: ComponentProps<'table'> & { caption: string }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <table className={cn('w-full border-collapse text-left text-sm', className)} {...props}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  )
}

/** A header cell; `scope="col"` by default so each data cell is announced with its column. */
export function Th({ className, scope = 'col', ...props }: ComponentProps<'th'>) {
  return (
    <th
      scope={scope}
      className={cn(
        'border-b border-zinc-200 bg-zinc-50 px-4 py-2.5 text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400',
        className,
      )}
      {...props}
    />
  )
}

/** A data cell. */
export function Td({ className, ...props }: ComponentProps<'td'>) {
  return (
    <td
      className={cn('border-b border-zinc-100 px-4 py-3 align-middle dark:border-zinc-800/70', className)}
      {...props}
    />
  )
}

/** A body row with a hover tint. */
export function Tr({ className, ...props }: ComponentProps<'tr'>) {
  return (
    <tr className={cn('hover:bg-zinc-50 dark:hover:bg-zinc-800/40 last:[&>td]:border-b-0', className)} {...props} />
  )
}
