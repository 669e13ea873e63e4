import { cn } from '@/lib/cn'

/** A pulsing placeholder block while data loads (hidden from screen readers; the region is marked busy instead). */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn('animate-pulse rounded-md bg-zinc-200 dark:bg-zinc-800', className)} />
}
