'use client'

import { SegmentError } from '@/components/ui/segment-error'

export default function ClusterError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="this cluster" error={error} reset={reset} />
}
