import type { Metadata } from 'next'
import { Suspense } from 'react'

import { AuditLog } from '@/components/audit/audit-log'
import { AuditLogSkeleton } from '@/components/audit/audit-log-skeleton'

export const metadata: Metadata = { title: 'Audit log' }

export default function AuditPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Every change made through the console, newest first: who made it, on which cluster, what it was before and
          after, and whether it went through. Changes made outside the console are in AWS CloudTrail.
        </p>
      </div>
      {/* The filters live in the URL (useSearchParams), which Next reads on the client under a Suspense boundary. */}
      <Suspense fallback={<AuditLogSkeleton />}>
        <AuditLog />
      </Suspense>
    </div>
  )
}
