import { cn } from '@/lib/cn'

/**
 * A placeholder block while data loads, pulsing unless the system asks for reduced motion (hidden from screen readers;
 * the region is marked busy instead).
 */
export function Skeleton({ className }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={cn('rounded-md bg-zinc-200 motion-safe:animate-pulse dark:bg-zinc-800', className)}
    />
  )
}
