'use client'

import dynamic from 'next/dynamic'
import Link from 'next/link'
import { usePathname, useSearchParams } from 'next/navigation'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { cn } from '@/lib/cn'

import { effectiveAccessViews, readView } from './effective-access-url'

// Only the question on screen loads (docs/client-bundle.md).
const PrincipalView = dynamic(() => import('./principal-view').then((m) => m.PrincipalView))
const WhoCanView = dynamic(() => import('./who-can-view').then((m) => m.WhoCanView))
const WhyForbiddenView = dynamic(() => import('./why-forbidden-view').then((m) => m.WhyForbiddenView))

/** The cluster's Effective access tab: three questions across IAM → EKS → Kubernetes, the question in the URL. */
export function EffectiveAccessPage({ cluster }: { cluster: ClusterRef }) {
  const pathname = usePathname()
  const params = useSearchParams()
  const view = readView(params)
  return (
    <div className="space-y-6">
      <nav aria-label="Effective access questions" className="flex flex-wrap gap-2">
        {effectiveAccessViews.map((v) => (
          <Link
            key={v.id}
            href={`${pathname}?view=${v.id}`}
            aria-current={v.id === view ? 'page' : undefined}
            className={cn(
              'rounded-md px-3 py-1.5 text-sm font-medium',
              v.id === view
                ? 'bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900'
                : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
            )}
          >
            {v.label}
          </Link>
        ))}
      </nav>
      {view === 'principal' ? (
        <PrincipalView cluster={cluster} params={params} />
      ) : view === 'who-can' ? (
        <WhoCanView cluster={cluster} params={params} />
      ) : (
        <WhyForbiddenView cluster={cluster} params={params} />
      )}
    </div>
  )
}
