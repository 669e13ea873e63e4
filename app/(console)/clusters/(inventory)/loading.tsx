import { InventorySkeleton } from '@/components/clusters/inventory-skeleton'
import { Skeleton } from '@/components/ui/skeleton'

export default function ClustersLoading() {
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Clusters</h1>
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <InventorySkeleton />
    </div>
  )
}
