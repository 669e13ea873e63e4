'use client'

import { useQuery } from '@tanstack/react-query'
import { Plus } from 'lucide-react'
import dynamic from 'next/dynamic'
import Link from 'next/link'
import { useState } from 'react'

import { Alert } from '@/components/ui/alert'
import { Button, buttonClasses } from '@/components/ui/button'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { hasRole } from '@/lib/auth/console-role'
import type { AwsAuthAccountRowDto, AwsAuthRowDto, AwsAuthViewDto } from '@/lib/aws-auth/aws-auth-dto'
import type { AwsAuthChangeRequest } from '@/lib/aws-auth/aws-auth-schemas'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { clusterPagePath } from '@/lib/queries/api-paths'
import { awsAuthQuery } from '@/lib/queries/aws-auth-queries'
import { whoamiQuery } from '@/lib/queries/cluster-queries'
import { timeBoundGrantsQuery } from '@/lib/queries/time-bound-queries'

import { AccountsTable } from './accounts-table'
import { AwsAuthModeNotice } from './aws-auth-mode-notice'
import { MappingsTable } from './mappings-table'
import { RawYaml } from './raw-yaml'

// Dialogs load when opened: their forms bring react-hook-form and zod, which the page itself does not need
// (docs/client-bundle.md).
const AccountDialog = dynamic(() => import('./account-dialog').then((m) => m.AccountDialog))
const MappingDialog = dynamic(() => import('./mapping-dialog').then((m) => m.MappingDialog))
const RemoveDialog = dynamic(() => import('./remove-dialog').then((m) => m.RemoveDialog))

type Open =
  | { kind: 'add' }
  | { kind: 'account' }
  | { kind: 'edit'; row: AwsAuthRowDto }
  | { kind: 'remove'; change: AwsAuthChangeRequest; what: string }

const removal = (row: AwsAuthRowDto): Open => ({
  kind: 'remove',
  change: { op: 'remove', section: row.section, index: row.index, arn: row.arn },
  what: row.arn || `entry ${row.index + 1} of ${row.section}`,
})
const accountRemoval = (row: AwsAuthAccountRowDto): Open => ({
  kind: 'remove',
  change: { op: 'remove-account', index: row.index, account: row.account },
  what: `account ${row.account}`,
})

/** The aws-auth ConfigMap of a cluster: tables with meanings and problems, the raw YAML, and (admins) safe edits. */
export function AwsAuthPage({ cluster }: { cluster: ClusterRef }) {
  const { data, error, isPending, refetch } = useQuery(awsAuthQuery(cluster))
  const { data: whoami } = useQuery(whoamiQuery())
  const { data: timeBound } = useQuery(timeBoundGrantsQuery(cluster))
  const [open, setOpen] = useState<Open | null>(null)
  const [saved, setSaved] = useState<string>()
  const canEdit = hasRole(whoami?.role ?? 'viewer', 'admin')
  if (isPending) {
    return (
      <div aria-busy="true" aria-label="Loading aws-auth" className="space-y-3">
        <Skeleton className="h-20 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    )
  }
  if (error) return <QueryError error={error} what="the aws-auth ConfigMap" onRetry={() => void refetch()} />
  const done = (message: string) => {
    setOpen(null)
    setSaved(message)
  }
  const editable = (section: AwsAuthViewDto['unreadable'][number]) => canEdit && !data.unreadable.includes(section)
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">aws-auth ConfigMap</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            kube-system/aws-auth maps IAM roles, users and accounts to Kubernetes users and groups
            {canEdit ? '.' : ' · read-only: changing it needs the admin console role.'}
          </p>
        </div>
        {canEdit ? (
          <div className="flex gap-2">
            <Button variant="primary" onClick={() => setOpen({ kind: 'add' })}>
              <Plus aria-hidden="true" className="size-4" /> Add mapping
            </Button>
            <Button onClick={() => setOpen({ kind: 'account' })}>Add account</Button>
            {data.readsAwsAuth && data.configMap ? (
              <Link className={buttonClasses('secondary')} href={clusterPagePath(cluster, 'aws-auth/migrate')}>
                Migrate to access entries
              </Link>
            ) : null}
          </div>
        ) : null}
      </div>
      <AwsAuthModeNotice view={data} />
      {saved ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {saved}
        </p>
      ) : null}
      {data.sectionProblems.length > 0 ? (
        <Alert variant="error" title="Parts of aws-auth cannot be read">
          <ul className="list-disc space-y-1 pl-4">
            {data.sectionProblems.map((p) => (
              <li key={`${p.section}-${p.message}`}>{p.message}</li>
            ))}
          </ul>
          <p className="mt-2">
            Nothing was dropped: the raw YAML shows every line. The console will not rewrite a section it cannot read;
            fix it with <code>kubectl edit configmap aws-auth -n kube-system</code>.
          </p>
        </Alert>
      ) : null}
      {data.configMap === null ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          This cluster has no kube-system/aws-auth ConfigMap.
          {canEdit && data.readsAwsAuth ? ' Adding a mapping creates it.' : ''}
        </p>
      ) : (
        <div className="space-y-6">
          <div className="space-y-6">
            {(['mapRoles', 'mapUsers'] as const).map((section) => (
              <section key={section} aria-labelledby={`${section}-heading`} className="space-y-2">
                <h3 id={`${section}-heading`} className="font-mono text-sm font-semibold">
                  {section}{' '}
                  <span className="font-sans font-normal text-zinc-500 dark:text-zinc-400">
                    ({data[section].length})
                  </span>
                </h3>
                {data[section].length === 0 ? (
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">No entries.</p>
                ) : (
                  <MappingsTable
                    caption={section}
                    rows={data[section]}
                    grants={timeBound?.grants}
                    {...(editable(section)
                      ? { onEdit: (row) => setOpen({ kind: 'edit', row }), onRemove: (row) => setOpen(removal(row)) }
                      : {})}
                  />
                )}
              </section>
            ))}
            <section aria-labelledby="mapAccounts-heading" className="space-y-2">
              <h3 id="mapAccounts-heading" className="font-mono text-sm font-semibold">
                mapAccounts{' '}
                <span className="font-sans font-normal text-zinc-500 dark:text-zinc-400">
                  ({data.mapAccounts.length})
                </span>
              </h3>
              {data.mapAccounts.length === 0 ? (
                <p className="text-sm text-zinc-600 dark:text-zinc-400">No entries.</p>
              ) : (
                <AccountsTable
                  rows={data.mapAccounts}
                  onRemove={editable('mapAccounts') ? (row) => setOpen(accountRemoval(row)) : undefined}
                />
              )}
            </section>
          </div>
          <RawYaml yaml={data.configMap.yaml} />
        </div>
      )}
      {open?.kind === 'add' || open?.kind === 'edit' ? (
        <MappingDialog
          cluster={cluster}
          view={data}
          row={open.kind === 'edit' ? open.row : undefined}
          onClose={() => setOpen(null)}
          onSaved={done}
        />
      ) : null}
      {open?.kind === 'account' ? (
        <AccountDialog cluster={cluster} view={data} onClose={() => setOpen(null)} onSaved={done} />
      ) : null}
      {open?.kind === 'remove' ? (
        <RemoveDialog
          cluster={cluster}
          view={data}
          change={open.change}
          what={open.what}
          onClose={() => setOpen(null)}
          onSaved={done}
        />
      ) : null}
    </div>
  )
}
