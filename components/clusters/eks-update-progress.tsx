'use client'

import { CheckCircle2, Loader2, XCircle } from 'lucide-react'
import { useEffect, type ReactNode } from 'react'

/** What every EKS update DTO carries (mode switches, identity-provider changes): DescribeUpdate's status and errors. */
type UpdateState = { status: string; errors: { message: string | null }[] }

/**
 * How an EKS update (DescribeUpdate, polled by the caller's query) is going: in progress, done, or how it ended,
 * with EKS's own error messages. Calls `onDone` once when the update leaves InProgress.
 */
export function EksUpdateProgress({
  updateId,
  update,
  error,
  inProgress,
  succeeded,
  endedPrefix = '',
  onDone,
}: {
  updateId: string
  update: UpdateState | undefined
  error: Error | null
  inProgress: ReactNode
  succeeded: ReactNode
  endedPrefix?: string
  onDone: () => void
}) {
  const status = update?.status
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
    <p role="status" className="flex items-center gap-2 rounded-md bg-zinc-50 p-2 text-sm dark:bg-zinc-950">
      {!update || status === 'InProgress' ? (
        <>
          <Loader2 aria-hidden="true" className="size-4 animate-spin" /> {inProgress} EKS update {updateId.slice(0, 8)}{' '}
          is in progress.
        </>
      ) : status === 'Successful' ? (
        <>
          <CheckCircle2 aria-hidden="true" className="size-4 text-emerald-600" /> {succeeded}
        </>
      ) : (
        <>
          <XCircle aria-hidden="true" className="size-4 text-red-600" /> {endedPrefix}The update ended {status}:{' '}
          {update.errors.map((e) => e.message).join('; ') || 'no details from EKS'}.
        </>
      )}
    </p>
  )
}
