import { Skeleton } from '@/components/ui/skeleton'

/** Placeholder panels shaped like the overview while it loads. */
export function OverviewSkeleton() {
  return (
    <div role="status" aria-label="Loading cluster overview" className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        {[0, 1, 2].map((panel) => (
          <div
            key={panel}
            className="space-y-3 rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
          >
            <Skeleton className="h-5 w-40" />
            <div className="grid grid-cols-2 gap-4">
              <Skeleton className="h-10" />
              <Skeleton className="h-10" />
              <Skeleton className="h-10" />
              <Skeleton className="h-10" />
            </div>
          </div>
        ))}
      </div>
      <Skeleton className="h-40" />
    </div>
  )
}
