'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { ArrowRight } from 'lucide-react'
import dynamic from 'next/dynamic'
import { useState } from 'react'

import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Panel } from '@/components/ui/panel'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { describeAuthenticationMode, nextAuthenticationMode } from '@/lib/access/authentication-mode'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { authenticationModeQuery } from '@/lib/queries/access-authentication-mode-queries'
import { accessEntryKeys } from '@/lib/queries/access-entry-queries'
import { clusterKeys } from '@/lib/queries/cluster-queries'

import { UpdateProgress } from './update-progress'

// Dialogs load when opened: their forms bring react-hook-form and zod, which the page itself does not need
// (docs/client-bundle.md).
const SwitchModeDialog = dynamic(() => import('./switch-mode-dialog').then((m) => m.SwitchModeDialog))

/** The cluster's authentication mode, what it means, and (admins) the one-way switch to the next mode. */
export function AuthenticationModePanel({ cluster, canSwitch }: { cluster: ClusterRef; canSwitch: boolean }) {
  const queryClient = useQueryClient()
  const { data, error, isPending, refetch } = useQuery(authenticationModeQuery(cluster))
  const [confirming, setConfirming] = useState(false)
  const [updateId, setUpdateId] = useState<string | null>(null)
  const runningId = updateId ?? data?.update?.id ?? null

  if (isPending) return <Skeleton className="h-28 w-full" />
  if (error) return <QueryError error={error} what="the authentication mode" onRetry={() => void refetch()} />
  const info = describeAuthenticationMode(data.mode)
  const next = nextAuthenticationMode(data.mode)
  const nextInfo = next ? describeAuthenticationMode(next) : undefined
  const onDone = () => {
    void queryClient.invalidateQueries({ queryKey: clusterKeys.all(cluster) })
    void queryClient.invalidateQueries({ queryKey: accessEntryKeys.all(cluster) })
  }

  return (
    <Panel
      title="Authentication mode"
      description="Where EKS looks up which IAM principals may use the Kubernetes API."
      actions={
        next && !runningId ? (
          canSwitch ? (
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              Switch to {nextInfo?.label} <ArrowRight aria-hidden="true" className="size-4" />
            </Button>
          ) : (
            <span className="text-xs text-zinc-600 dark:text-zinc-400">Only console admins can switch modes.</span>
          )
        ) : null
      }
    >
      <div className="space-y-2 text-sm">
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone={data.mode === 'CONFIG_MAP' ? 'amber' : 'green'}>{data.mode}</Badge>
          <span className="font-medium">{info.label}</span>
        </p>
        <p className="text-zinc-700 dark:text-zinc-300">{info.explanation}</p>
        {data.autoMode ? (
          <p className="text-zinc-700 dark:text-zinc-300">
            EKS Auto Mode requires access entries, so this cluster can never go back to the ConfigMap; aws-auth is
            optional here.
          </p>
        ) : null}
        {!next ? (
          <p className="text-zinc-600 dark:text-zinc-400">This is the final mode; there is nothing to switch to.</p>
        ) : null}
        {runningId ? <UpdateProgress cluster={cluster} updateId={runningId} onDone={onDone} /> : null}
      </div>
      {next && confirming ? (
        <SwitchModeDialog
          cluster={cluster}
          from={data.mode}
          to={next}
          onClose={() => setConfirming(false)}
          onStarted={(id) => {
            setConfirming(false)
            setUpdateId(id)
          }}
        />
      ) : null}
    </Panel>
  )
}
