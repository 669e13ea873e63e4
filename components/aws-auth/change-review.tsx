'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'

import { Alert } from '@/components/ui/alert'
import { CodeBlock } from '@/components/ui/code-block'
import { DialogFooter } from '@/components/ui/dialog-footer'
import { fieldIds, FormField, inputClasses } from '@/components/ui/form-field'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { ApiError } from '@/lib/api/api-error'
import type { AwsAuthApplyResultDto, AwsAuthViewDto } from '@/lib/aws-auth/aws-auth-dto'
import type { AwsAuthChangeRequest } from '@/lib/aws-auth/aws-auth-schemas'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { awsAuthKeys, awsAuthPreviewQuery, useSaveAwsAuthChange } from '@/lib/queries/aws-auth-queries'
import { withExpiryComment } from '@/lib/time-bound/expiry-note'
import type { GrantDuration } from '@/lib/time-bound/grant-duration'

import { YamlDiff } from './yaml-diff'

/** The change made against the current view: a row named by ARN is looked up again (it may have moved). */
function rebase(change: AwsAuthChangeRequest, view: AwsAuthViewDto): AwsAuthChangeRequest {
  if (change.op === 'update' || change.op === 'remove') {
    const row = view[change.section].find((r) => r.arn.toLowerCase() === change.arn.toLowerCase())
    return row ? { ...change, index: row.index } : change
  }
  if (change.op === 'remove-account') {
    const row = view.mapAccounts.find((r) => r.account === change.account)
    return row ? { ...change, index: row.index } : change
  }
  return change
}

/**
 * Step two of every aws-auth edit: the ConfigMap diff, the lockout guard, the CLI equivalent, then apply with the
 * resourceVersion the diff was made against. On 409 the view reloads: the person sees what changed and re-applies
 * the same change on top of the new version.
 */
export function ChangeReview({
  cluster,
  view,
  change,
  duration,
  onCancel,
  onDone,
}: {
  cluster: ClusterRef
  view: AwsAuthViewDto
  change: AwsAuthChangeRequest
  /** An added row's length (time-bound rows are removed by the console when they end); omitted = permanent. */
  duration?: GrantDuration
  onCancel: () => void
  onDone: (result: AwsAuthApplyResultDto) => void
}) {
  const timeBound = duration && duration.kind !== 'permanent' ? { duration } : {}
  const request = {
    resourceVersion: view.configMap?.resourceVersion ?? null,
    change: rebase(change, view),
    ...timeBound,
  }
  const preview = useQuery(awsAuthPreviewQuery(cluster, request))
  const queryClient = useQueryClient()
  const save = useSaveAwsAuthChange(cluster)
  const [confirm, setConfirm] = useState('')
  const [conflictFrom, setConflictFrom] = useState<string | null>(null)
  const [error, setError] = useState<string>()
  if (preview.isPending) return <Skeleton aria-label="Preparing the preview" className="h-48 w-full" />
  if (preview.error) {
    // A 409 here means the page's copy is stale: reload the ConfigMap, which previews the change again on top of it.
    const stale = preview.error instanceof ApiError && preview.error.code === 'conflict'
    const retry = () =>
      void (stale ? queryClient.invalidateQueries({ queryKey: awsAuthKeys.view(cluster) }) : preview.refetch())
    return <QueryError error={preview.error} what="the preview of this change" onRetry={retry} />
  }
  const { data } = preview
  const previewedAt = new Date(preview.dataUpdatedAt)
  const needsName = data.guard.risks.length > 0
  const apply = async () => {
    setError(undefined)
    try {
      onDone(await save.mutateAsync({ ...request, ...(needsName ? { confirmClusterName: confirm } : {}) }))
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'conflict') setConflictFrom(data.before)
      else setError(failure instanceof Error ? failure.message : String(failure))
    }
  }
  const conflictShown = conflictFrom !== null && conflictFrom !== data.before
  return (
    <div className="space-y-4">
      {conflictShown ? (
        <>
          <Alert variant="warning" title="aws-auth changed since you loaded it">
            Someone else saved kube-system/aws-auth first. Here is what they changed; your change is shown again below
            on top of their version.
          </Alert>
          <YamlDiff label="What changed meanwhile" before={conflictFrom} after={data.before} />
        </>
      ) : null}
      {data.creates ? (
        <Alert variant="info" title="kube-system/aws-auth does not exist yet">
          Applying creates it with this mapping.
        </Alert>
      ) : null}
      {data.warnings.map((warning) => (
        <Alert key={warning} variant="warning" title="Check this">
          {warning}
        </Alert>
      ))}
      <YamlDiff label="kube-system/aws-auth: before → after" before={data.before} after={data.after} />
      {needsName ? (
        <div className="space-y-3 rounded-md border border-red-300 p-3 dark:border-red-900">
          <Alert variant="error" title="This change can lock people or nodes out">
            <ul className="list-disc space-y-1 pl-4">
              {data.guard.risks.map((risk) => (
                <li key={risk.message}>{risk.message}</li>
              ))}
            </ul>
          </Alert>
          <FormField id="aws-auth-confirm" label={`Type ${cluster.name} to apply it anyway`}>
            <input
              {...fieldIds('aws-auth-confirm')}
              className={inputClasses()}
              value={confirm}
              autoComplete="off"
              onChange={(event) => setConfirm(event.target.value)}
            />
          </FormField>
        </div>
      ) : null}
      {data.commands.eksctl ? (
        <CodeBlock
          label="Equivalent eksctl command"
          code={withExpiryComment(data.commands.eksctl, duration, previewedAt)}
        />
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Equivalent kubectl apply</summary>
        <div className="mt-2">
          <CodeBlock
            label="kubectl apply of the whole ConfigMap"
            code={withExpiryComment(data.commands.kubectl, duration, previewedAt)}
          />
        </div>
      </details>
      <DialogFooter
        error={error}
        onCancel={onCancel}
        actionLabel={conflictShown ? 'Re-apply my change on top' : data.creates ? 'Create aws-auth' : 'Apply change'}
        pendingLabel="Applying…"
        pending={save.isPending}
        disabled={needsName && confirm !== cluster.name}
        onAction={() => void apply()}
      />
    </div>
  )
}
