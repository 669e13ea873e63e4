'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { BookOpen, Plus, RotateCw, Siren } from 'lucide-react'
import dynamic from 'next/dynamic'
import { usePathname, useRouter } from 'next/navigation'
import { use, useCallback, useMemo, useState } from 'react'

import { accessPoliciesPath } from '@/components/access-policies/policy-labels'
import { AuthenticationModePanel } from '@/components/authentication-mode/authentication-mode-panel'
import { Alert } from '@/components/ui/alert'
import { Button, buttonClasses } from '@/components/ui/button'
import { IntentPrefetchLink } from '@/components/ui/intent-prefetch-link'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import type { AccessEntriesLine } from '@/lib/access/access-entries-stream'
import type { AccessEntryDto } from '@/lib/access/access-entry-dto'
import type { PoliciesDialogPrefill } from '@/lib/access/grant-prefill'
import { hasRole } from '@/lib/auth/console-role'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import {
  accessEntriesQuery,
  accessEntryKeys,
  fetchFreshAccessEntries,
  pageOfFirstScreen,
} from '@/lib/queries/access-entry-queries'
import { clusterPagePath } from '@/lib/queries/api-paths'
import { whoamiQuery } from '@/lib/queries/cluster-queries'
import { timeBoundGrantsQuery } from '@/lib/queries/time-bound-queries'
import type { TimeBoundGrantDto } from '@/lib/time-bound/time-bound-dto'

import { EntriesTable } from './entries-table'
import { emptyFilters, filterEntries, listFilterOptions } from './entry-filters'
import { EntryFiltersBar } from './entry-filters-bar'
import type { EntryAction } from './entry-row'
import { UnreadableEntries } from './unreadable-entries'

// Dialogs load when opened: their forms bring react-hook-form and zod, which the page itself does not need
// (docs/client-bundle.md).
const BreakGlassDialog = dynamic(() =>
  import('@/components/time-bound/break-glass-dialog').then((m) => m.BreakGlassDialog),
)
const DeleteEntryDialog = dynamic(() => import('./delete-entry-dialog').then((m) => m.DeleteEntryDialog))
const EditEntryDialog = dynamic(() => import('./edit-entry-dialog').then((m) => m.EditEntryDialog))
const EntryPoliciesDialog = dynamic(() => import('./entry-policies-dialog').then((m) => m.EntryPoliciesDialog))

function groupByPrincipal(grants: TimeBoundGrantDto[] | undefined) {
  if (!grants) return undefined
  const map = new Map<string, TimeBoundGrantDto[]>()
  for (const grant of grants) map.set(grant.principalArn, [...(map.get(grant.principalArn) ?? []), grant])
  return map
}

function EntriesSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading access entries" className="space-y-2">
      <Skeleton className="h-9 w-full" />
      <Skeleton className="h-64 w-full" />
    </div>
  )
}

/** What the page shows while the server gets its first screen of entries. */
export function AccessPageSkeleton() {
  return (
    <div className="space-y-6">
      <Skeleton className="h-24 w-full" />
      <EntriesSkeleton />
    </div>
  )
}

/**
 * The access section of a cluster: authentication mode, and every access entry with search, filters and edits.
 * `firstScreen` is the server's first screen of entries (rendered into the HTML); the stream brings the rest.
 */
export function AccessPage({
  cluster,
  policiesPrefill,
  firstScreen,
}: {
  cluster: ClusterRef
  policiesPrefill?: PoliciesDialogPrefill
  firstScreen?: Promise<AccessEntriesLine[]>
}) {
  const firstLines = firstScreen ? use(firstScreen) : undefined
  const seed = useMemo(() => (firstLines ? pageOfFirstScreen(firstLines) : undefined), [firstLines])
  const queryClient = useQueryClient()
  const router = useRouter()
  const pathname = usePathname()
  // A fix link (effective access, findings) asked for one entry's policies dialog: open until closed once.
  const [linked, setLinked] = useState(policiesPrefill)
  const { data, error, isPending, isRefetching, refetch } = useQuery({
    ...accessEntriesQuery(cluster),
    // Seen as stale at once: the stream starts on mount and takes over from the first screen.
    ...(seed ? { initialData: seed, initialDataUpdatedAt: 0 } : {}),
  })
  const { data: whoami } = useQuery(whoamiQuery())
  const { data: timeBound } = useQuery(timeBoundGrantsQuery(cluster))
  const grants = useMemo(() => groupByPrincipal(timeBound?.grants), [timeBound])
  const [filters, setFilters] = useState(emptyFilters)
  const [open, setOpen] = useState<{ action: EntryAction; entry: AccessEntryDto } | null>(null)
  // Stable, so the memoized rows do not re-render for a new callback each time the table does.
  const openDialog = useCallback((action: EntryAction, entry: AccessEntryDto) => setOpen({ action, entry }), [])
  const [refreshing, setRefreshing] = useState(false)
  const [breakingGlass, setBreakingGlass] = useState(false)
  const entries = useMemo(() => data?.entries ?? [], [data])
  const shown = useMemo(() => filterEntries(entries, filters), [entries, filters])
  const options = useMemo(() => listFilterOptions(entries), [entries])
  // Until whoami answers, nothing is editable (fail closed) but nobody is told they are a viewer either.
  const role = whoami?.role ?? 'viewer'
  // While rows stream in, the lockout guard cannot count every cluster admin yet: no writes until the page is complete.
  const loading = data?.loading
  const canEdit = hasRole(role, 'editor') && !loading

  const refresh = async () => {
    setRefreshing(true)
    try {
      queryClient.setQueryData(accessEntryKeys.list(cluster), await fetchFreshAccessEntries(cluster))
    } catch {
      await refetch()
    } finally {
      setRefreshing(false)
    }
  }

  return (
    <div className="space-y-6">
      <AuthenticationModePanel cluster={cluster} canSwitch={hasRole(role, 'admin')} />
      {isPending ? (
        <EntriesSkeleton />
      ) : error ? (
        <QueryError error={error} what="access entries" onRetry={() => void refetch()} />
      ) : !data.available ? (
        <Alert variant="info" title="Access entries are not available on this cluster">
          This cluster authenticates with the aws-auth ConfigMap only (CONFIG_MAP), so EKS answers every access-entry
          request with an error. Switch it to EKS API and ConfigMap above to grant access with access entries; the
          existing aws-auth mappings keep working.
        </Alert>
      ) : (
        <section aria-labelledby="entries-heading" className="space-y-4">
          {data.cluster.autoMode ? (
            <Alert variant="info" title="EKS Auto Mode cluster">
              Auto Mode needs access entries, so they can never be switched off here; the aws-auth ConfigMap is
              optional. The entries EKS created for Auto Mode are marked &ldquo;Managed by EKS&rdquo; and cannot be
              changed.
            </Alert>
          ) : null}
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div>
              <h2 id="entries-heading" className="text-lg font-semibold">
                Access entries
              </h2>
              <p className="text-sm text-zinc-600 dark:text-zinc-400" role="status">
                {loading
                  ? `Loading ${loading.loaded} of ${loading.listed} entries… filters and actions cover the complete list once it is in`
                  : shown.length === entries.length
                    ? `${entries.length} entries`
                    : `${shown.length} of ${entries.length} entries`}
                {whoami?.role === 'viewer' ? ' · read-only: your console role is viewer' : ''}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <IntentPrefetchLink href={accessPoliciesPath(cluster.region)} className={buttonClasses('ghost')}>
                <BookOpen aria-hidden="true" className="size-4" /> Access policies
              </IntentPrefetchLink>
              <Button onClick={() => void refresh()} disabled={refreshing || !!loading}>
                <RotateCw aria-hidden="true" className="size-4" /> {refreshing ? 'Refreshing…' : 'Refresh'}
              </Button>
              {hasRole(role, 'admin') ? (
                <Button onClick={() => setBreakingGlass(true)}>
                  <Siren aria-hidden="true" className="size-4" /> Break glass
                </Button>
              ) : null}
              {hasRole(role, 'editor') ? (
                <IntentPrefetchLink
                  href={clusterPagePath(cluster, 'access/grant')}
                  className={buttonClasses('primary')}
                >
                  <Plus aria-hidden="true" className="size-4" /> Grant access
                </IntentPrefetchLink>
              ) : null}
            </div>
          </div>
          <UnreadableEntries unreadable={data.unreadable} retrying={isRefetching} onRetry={() => void refetch()} />
          <EntryFiltersBar filters={filters} onChange={setFilters} options={options} />
          {shown.length === 0 && !loading ? (
            <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
              No entry matches these filters.
            </p>
          ) : (
            <EntriesTable
              entries={shown}
              grants={grants}
              canEdit={canEdit}
              pendingRows={loading ? Math.max(0, loading.listed - loading.loaded) : 0}
              onAction={openDialog}
            />
          )}
        </section>
      )}
      {breakingGlass ? <BreakGlassDialog cluster={cluster} onClose={() => setBreakingGlass(false)} /> : null}
      {open?.action === 'edit' ? (
        <EditEntryDialog cluster={cluster} entry={open.entry} onClose={() => setOpen(null)} />
      ) : null}
      {open?.action === 'policies' ? (
        <EntryPoliciesDialog
          cluster={cluster}
          entry={entries.find((e) => e.principalArn === open.entry.principalArn) ?? open.entry}
          isAdmin={hasRole(role, 'admin')}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {linked && !open && data?.available && !loading ? (
        !canEdit ? (
          <Alert variant="info" title="Changing access policies needs the editor role">
            The link opens the access policies of {linked.principalArn}; your console role is {role}, so ask an editor
            to apply the change.
          </Alert>
        ) : entries.some((e) => e.principalArn === linked.principalArn) ? (
          <EntryPoliciesDialog
            cluster={cluster}
            entry={entries.find((e) => e.principalArn === linked.principalArn) as AccessEntryDto}
            isAdmin={hasRole(role, 'admin')}
            prefill={linked.policy}
            onClose={() => {
              setLinked(undefined)
              router.replace(pathname, { scroll: false })
            }}
          />
        ) : (
          <Alert variant="warning" title="No such access entry">
            The link opens the access policies of {linked.principalArn}, but this cluster has no access entry for it.
          </Alert>
        )
      ) : null}
      {open?.action === 'delete' ? (
        <DeleteEntryDialog
          cluster={cluster}
          entry={entries.find((e) => e.principalArn === open.entry.principalArn) ?? open.entry}
          isAdmin={hasRole(role, 'admin')}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </div>
  )
}
