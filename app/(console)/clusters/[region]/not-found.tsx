'use client'

import { SearchX } from 'lucide-react'
import Link from 'next/link'
import { useParams } from 'next/navigation'

import { buttonClasses } from '@/components/ui/button'

export default function ClusterNotFound() {
  const params = useParams<{ region: string; cluster: string }>()
  // Next hands params over decoded once; no second decode (a name encoded twice is shown as it came).
  const name = params.cluster ?? ''
  const region = params.region ?? ''
  return (
    <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-12 text-center dark:border-zinc-700 dark:bg-zinc-900">
      <SearchX aria-hidden="true" className="mx-auto size-8 text-zinc-400" />
      <h2 className="mt-3 text-lg font-semibold">
        No cluster named {name} in {region}
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        It may have been deleted, or it lives in a region the console is not configured for (CONSOLE_REGIONS).
      </p>
      <Link href="/clusters" className={buttonClasses('secondary', 'mt-4')}>
        Back to all clusters
      </Link>
    </div>
  )
}
