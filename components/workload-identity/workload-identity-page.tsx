'use client'

import { useQuery } from '@tanstack/react-query'
import { Plus } from 'lucide-react'
import dynamic from 'next/dynamic'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { useMemo, useState } from 'react'

import { Button } from '@/components/ui/button'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { hasRole } from '@/lib/auth/console-role'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { whoamiQuery } from '@/lib/queries/cluster-queries'
import { workloadIdentityQuery } from '@/lib/queries/workload-identity-queries'

import { ClusterIdentityPanel } from './cluster-identity-panel'
import { filterMappings, readMappingFilters, writeMappingFilters, type MappingFilters } from './mapping-filters'
import { MappingFiltersBar } from './mapping-filters-bar'
import { MappingsTable } from './mappings-table'

// Dialogs load when opened: their forms bring react-hook-form and zod, which the page itself does not need
// (docs/client-bundle.md).
const CreatePodIdentityDialog = dynamic(() =>
  import('./create-pod-identity-dialog').then((m) => m.CreatePodIdentityDialog),
)
const IrsaChooserDialog = dynamic(() => import('./irsa-chooser-dialog').then((m) => m.IrsaChooserDialog))

const plural = (n: number) => `${n} ${n === 1 ? 'mapping' : 'mappings'}`

/** Every service account → IAM role mapping of a cluster (Pod Identity and IRSA), filterable by URL, with verdicts. */
export function WorkloadIdentityPage({ cluster }: { cluster: ClusterRef }) {
  const { data, error, isPending, refetch } = useQuery(workloadIdentityQuery(cluster))
  const { data: whoami } = useQuery(whoamiQuery())
  const router = useRouter()
  const pathname = usePathname()
  const searchParams = useSearchParams()
  const filters = readMappingFilters(searchParams)
  const [open, setOpen] = useState<'pod-identity' | 'irsa' | null>(null)
  const canEdit = hasRole(whoami?.role ?? 'viewer', 'editor')
  const mappings = useMemo(() => data?.mappings ?? [], [data])
  const shown = useMemo(() => filterMappings(mappings, filters), [mappings, filters])
  const namespaces = useMemo(() => [...new Set(mappings.map((m) => m.namespace))].sort(), [mappings])
  const setFilters = (next: MappingFilters) =>
    router.replace(`${pathname}${writeMappingFilters(next)}`, { scroll: false })
  const failing = mappings.filter((m) => m.verdict === 'fail').length
  return (
    <div className="space-y-6">
      {isPending ? (
        <div aria-busy="true" aria-label="Loading workload identity" className="space-y-3">
          <Skeleton className="h-32 w-full" />
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-64 w-full" />
        </div>
      ) : error ? (
        <QueryError error={error} what="workload identity mappings" onRetry={() => void refetch()} />
      ) : (
        <>
          <ClusterIdentityPanel cluster={cluster} facts={data.cluster} canEdit={canEdit} />
          <section aria-labelledby="mappings-heading" className="space-y-4">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div>
                <h2 id="mappings-heading" className="text-lg font-semibold">
                  Service account role mappings
                </h2>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  {shown.length === mappings.length
                    ? plural(mappings.length)
                    : `${shown.length} of ${plural(mappings.length)}`}
                  {failing > 0 ? ` · ${failing} failing` : ''}
                  {whoami?.role === 'viewer' ? ' · read-only: your console role is viewer' : ''}
                </p>
              </div>
              {canEdit ? (
                <div className="flex gap-2">
                  <Button variant="primary" onClick={() => setOpen('pod-identity')}>
                    <Plus aria-hidden="true" className="size-4" /> Associate role (Pod Identity)
                  </Button>
                  <Button onClick={() => setOpen('irsa')}>Map role with IRSA</Button>
                </div>
              ) : null}
            </div>
            <MappingFiltersBar filters={filters} namespaces={namespaces} onChange={setFilters} />
            {mappings.length === 0 ? (
              <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
                No service account on this cluster has an IAM role yet.
              </p>
            ) : shown.length === 0 ? (
              <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
                No mapping matches these filters.
              </p>
            ) : (
              <MappingsTable cluster={cluster} mappings={shown} />
            )}
          </section>
        </>
      )}
      {canEdit && open === 'pod-identity' ? (
        <CreatePodIdentityDialog cluster={cluster} onClose={() => setOpen(null)} />
      ) : null}
      {canEdit && open === 'irsa' ? <IrsaChooserDialog cluster={cluster} onClose={() => setOpen(null)} /> : null}
    </div>
  )
}
