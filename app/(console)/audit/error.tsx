'use client'

import { SegmentError } from '@/components/ui/segment-error'

export default function AuditError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="the audit log" error={error} reset={reset} />
}
