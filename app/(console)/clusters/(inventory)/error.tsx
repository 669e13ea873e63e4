'use client'

import { SegmentError } from '@/components/ui/segment-error'

export default function ClustersError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Clusters</h1>
      <SegmentError what="the clusters" error={error} reset={reset} />
    </div>
  )
}
