import { Skeleton } from '@/components/ui/skeleton'

/** Placeholder rows shaped like the inventory table while it loads. */
export function InventorySkeleton() {
  return (
    <div
      role="status"
      aria-label="Loading clusters"
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <Skeleton className="h-5 w-1/3" />
      {Array.from({ length: 4 }, (_, row) => (
        <div key={row} className="flex gap-4">
          <Skeleton className="h-6 w-40" />
          <Skeleton className="h-6 w-24" />
          <Skeleton className="h-6 w-16" />
          <Skeleton className="h-6 w-20" />
          <Skeleton className="h-6 flex-1" />
        </div>
      ))}
    </div>
  )
}
