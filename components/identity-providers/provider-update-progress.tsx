'use client'

import { useQuery } from '@tanstack/react-query'
import { CheckCircle2, Loader2, XCircle } from 'lucide-react'
import { useEffect } from 'react'

import { CodeBlock } from '@/components/ui/code-block'
import { formatShellCommand } from '@/lib/access/cli-commands'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { buildDescribeUpdateArgs } from '@/lib/identity-providers/identity-provider-commands'
import { identityProviderUpdateQuery } from '@/lib/queries/identity-provider-queries'

/** Follows an association or disassociation through DescribeUpdate (minutes on EKS) and says how it ended. */
export function ProviderUpdateProgress({
  cluster,
  updateId,
  what,
  onDone,
}: {
  cluster: ClusterRef
  updateId: string
  what: string
  onDone: () => void
}) {
  const { data, error } = useQuery(identityProviderUpdateQuery(cluster, updateId))
  const status = data?.status
  useEffect(() => {
    if (status && status !== 'InProgress') onDone()
    // onDone is a fresh closure each render; only the status change matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status])
  if (error)
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-400">
        Could not read the update: {error.message}
      </p>
    )
  return (
    <div className="space-y-2">
      <p role="status" className="flex items-center gap-2 rounded-md bg-zinc-50 p-2 text-sm dark:bg-zinc-950">
        {!data || status === 'InProgress' ? (
          <>
            <Loader2 aria-hidden="true" className="size-4 animate-spin" /> {what}… EKS update {updateId.slice(0, 8)} is
            in progress (on EKS this takes several minutes).
          </>
        ) : status === 'Successful' ? (
          <>
            <CheckCircle2 aria-hidden="true" className="size-4 text-emerald-600" /> {what}: done.
          </>
        ) : (
          <>
            <XCircle aria-hidden="true" className="size-4 text-red-600" /> {what}: the update ended {status}:{' '}
            {data.errors.map((e) => e.message).join('; ') || 'no details from EKS'}.
          </>
        )}
      </p>
      <CodeBlock
        label="Follow it with the AWS CLI"
        code={formatShellCommand(buildDescribeUpdateArgs(cluster, updateId))}
      />
    </div>
  )
}
