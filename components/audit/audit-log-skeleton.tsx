import { Skeleton } from '@/components/ui/skeleton'

/** The audit log while it loads: the filter row and a table-sized block. */
export function AuditLogSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the audit log" className="space-y-4">
      <Skeleton className="h-9 w-full" />
      <Skeleton className="h-64 w-full" />
    </div>
  )
}
