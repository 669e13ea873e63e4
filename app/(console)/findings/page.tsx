import type { Metadata } from 'next'
import { Suspense } from 'react'

import { FindingsPage } from '@/components/findings/findings-page'

export const metadata: Metadata = { title: 'Findings' }

export default function AllFindingsPage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Findings</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Risky or broken access across every cluster — access entries and their policies, aws-auth, RBAC and workload
          identity — each with the path that causes it and where to fix it. Rules are named as krane and rbac-police
          name them.
        </p>
      </div>
      {/* The filters live in the URL (useSearchParams), which Next reads on the client under a Suspense boundary. */}
      <Suspense>
        <FindingsPage />
      </Suspense>
    </div>
  )
}
