'use client'

import { useQuery } from '@tanstack/react-query'

import { Button } from '@/components/ui/button'
import { CodeBlock } from '@/components/ui/code-block'
import { CopyButton } from '@/components/ui/copy-button'
import { Dialog } from '@/components/ui/dialog'
import { DialogFooter } from '@/components/ui/dialog-footer'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { parseArn } from '@/lib/access/arn'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { cn } from '@/lib/cn'
import { trustFixPreviewQuery, useApplyTrustFix } from '@/lib/queries/workload-identity-queries'
import { diffLines } from '@/lib/workload-identity/trust-fix'
import { updateTrustPolicyCommand } from '@/lib/workload-identity/workload-identity-commands'
import type { Mechanism } from '@/lib/workload-identity/workload-identity-schemas'

const lineStyle = {
  same: 'text-zinc-600 dark:text-zinc-400',
  added: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200',
  removed: 'bg-red-50 text-red-900 line-through dark:bg-red-950/60 dark:text-red-200',
}
const marks = { same: ' ', added: '+', removed: '-' }

/**
 * Shows the trust-policy diff the fix makes, then applies it (UpdateAssumeRolePolicy) with the reviewed policy.
 * Without `canApply` (a viewer) it only shows the diff and the command, for someone who may change the role.
 */
export function TrustFixDialog({
  cluster,
  target,
  canApply,
  onClose,
}: {
  cluster: ClusterRef
  target: { namespace: string; serviceAccount: string; mechanism: Mechanism }
  canApply: boolean
  onClose: () => void
}) {
  const preview = useQuery(trustFixPreviewQuery(cluster, target.namespace, target.serviceAccount, target.mechanism))
  const mutation = useApplyTrustFix(cluster)
  const data = preview.data
  const diff = data ? diffLines(data.before, data.after) : []
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={canApply ? "Fix the role's trust policy" : "The fix for the role's trust policy"}
      wide
    >
      <div className="space-y-4">
        {preview.isPending ? (
          <Skeleton className="h-48 w-full" />
        ) : preview.error ? (
          <QueryError error={preview.error} what="the trust policy" onRetry={() => void preview.refetch()} />
        ) : data ? (
          <>
            <p className="text-sm">
              {data.reason} Every other statement of <strong>{parseArn(data.roleArn)?.name}</strong> stays as it is.
            </p>
            <figure className="rounded-md border border-zinc-200 dark:border-zinc-800">
              <figcaption className="flex items-center justify-between border-b border-zinc-200 px-3 py-1.5 text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
                Trust policy diff (+ added, - removed)
                <CopyButton value={data.after} label="Copy the new trust policy (trust-policy.json)" />
              </figcaption>
              <pre className="max-h-80 overflow-auto p-2 text-xs leading-relaxed">
                {diff.map((line, i) => (
                  <div key={i} className={cn('px-1', lineStyle[line.kind])}>
                    <span aria-hidden="true">{marks[line.kind]} </span>
                    <span className="sr-only">{line.kind === 'same' ? '' : `${line.kind}: `}</span>
                    {line.text}
                  </div>
                ))}
              </pre>
            </figure>
            <CodeBlock
              label="Equivalent AWS CLI command (trust-policy.json holds the new policy)"
              code={updateTrustPolicyCommand(parseArn(data.roleArn)?.name ?? data.roleArn)}
            />
          </>
        ) : null}
        {canApply ? (
          <DialogFooter
            error={mutation.error?.message}
            onCancel={onClose}
            actionLabel="Apply fix"
            pendingLabel="Applying…"
            pending={mutation.isPending}
            disabled={!data}
            onAction={() => data && mutation.mutate({ ...target, expectedPolicy: data.before }, { onSuccess: onClose })}
          />
        ) : (
          <div className="flex items-center justify-between gap-3">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Your console role is viewer: an editor or admin can apply this here, or anyone allowed to change the role
              can run the command.
            </p>
            <Button onClick={onClose}>Close</Button>
          </div>
        )}
      </div>
    </Dialog>
  )
}
