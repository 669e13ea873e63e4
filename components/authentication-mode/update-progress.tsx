'use client'

import { useQuery } from '@tanstack/react-query'
import { CheckCircle2, Loader2, XCircle } from 'lucide-react'
import { useEffect } from 'react'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { clusterUpdateQuery } from '@/lib/queries/access-authentication-mode-queries'

/** Polls DescribeUpdate until the mode switch completes, and says how it ended. */
export function UpdateProgress({
  cluster,
  updateId,
  onDone,
}: {
  cluster: ClusterRef
  updateId: string
  onDone: () => void
}) {
  const { data, error } = useQuery(clusterUpdateQuery(cluster, updateId))
  const status = data?.status
  useEffect(() => {
    if (status && status !== 'InProgress') onDone()
    // onDone is a fresh closure each render; only the status change matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status])
  if (error)
    return (
      <p role="alert" className="text-red-700 dark:text-red-400">
        Could not read the update: {error.message}
      </p>
    )
  return (
    <p role="status" className="flex items-center gap-2 rounded-md bg-zinc-50 p-2 dark:bg-zinc-950">
      {!data || status === 'InProgress' ? (
        <>
          <Loader2 aria-hidden="true" className="size-4 animate-spin" /> Switching to{' '}
          {data?.targetMode ?? 'the next mode'}… EKS update {updateId.slice(0, 8)} is in progress.
        </>
      ) : status === 'Successful' ? (
        <>
          <CheckCircle2 aria-hidden="true" className="size-4 text-emerald-600" /> The switch to {data.targetMode}{' '}
          completed.
        </>
      ) : (
        <>
          <XCircle aria-hidden="true" className="size-4 text-red-600" /> The update ended {status}:{' '}
          {data.errors.map((e) => e.message).join('; ') || 'no details from EKS'}.
        </>
      )}
    </p>
  )
}
