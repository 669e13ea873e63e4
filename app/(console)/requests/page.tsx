import type { Metadata } from 'next'
import Link from 'next/link'

import { RequestsList } from '@/components/time-bound/requests-list'
import { accessRequestFilterSchema } from '@/lib/time-bound/access-request-schema'

export const metadata: Metadata = { title: 'Access requests' }

type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function AccessRequestsPage({ searchParams }: { searchParams: SearchParams }) {
  const filter = accessRequestFilterSchema.parse((await searchParams).status)
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Access requests</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Time-bound access people asked for, on every cluster. Admins approve or deny them, and editors where an admin
          allows it for the cluster. To ask for access, open a cluster’s{' '}
          <strong className="font-medium">Requests</strong> tab from the{' '}
          <Link href="/clusters" className="text-sky-700 underline dark:text-sky-400">
            cluster list
          </Link>
          .
        </p>
      </div>
      <RequestsList filter={filter} basePath="/requests" />
    </div>
  )
}
