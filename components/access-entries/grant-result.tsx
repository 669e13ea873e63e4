'use client'

import { CheckCircle2, CircleDashed, XCircle } from 'lucide-react'
import Link from 'next/link'
import { useState } from 'react'

import { Alert } from '@/components/ui/alert'
import { Button, buttonClasses } from '@/components/ui/button'
import { FormError } from '@/components/ui/form-error'
import type { GrantResult, GrantStep } from '@/lib/access/access-entry-dto'
import { accessPolicyNameFromArn } from '@/lib/access/policy-catalogue'
import { ANY_VERSION } from '@/lib/access/stale-entry'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { useAssociatePolicy, useDeleteAccessEntry } from '@/lib/queries/access-entry-queries'
import { clusterPagePath } from '@/lib/queries/api-paths'

const stepLabel = (step: GrantStep) =>
  step.kind === 'create-entry'
    ? 'Create the access entry'
    : `Associate ${accessPolicyNameFromArn(step.policyArn ?? '') ?? step.policyArn} (${step.accessScope?.type === 'namespace' ? step.accessScope.namespaces.join(', ') : 'whole cluster'})`

const icons = { applied: CheckCircle2, failed: XCircle, 'not-attempted': CircleDashed }
const words = { applied: 'applied', failed: 'failed', 'not-attempted': 'not applied' }

/** What a grant applied and what it did not; a partial grant offers to retry the rest or roll back. */
export function GrantResultPanel({ cluster, result: initial }: { cluster: ClusterRef; result: GrantResult }) {
  const [result, setResult] = useState(initial)
  const [rolledBack, setRolledBack] = useState(false)
  const associate = useAssociatePolicy(cluster, result.principalArn)
  const remove = useDeleteAccessEntry(cluster)
  const [error, setError] = useState<string>()

  const retryRest = async () => {
    setError(undefined)
    const steps = result.steps.map((s) => ({ ...s }))
    for (const step of steps) {
      if (step.kind !== 'associate-policy' || step.status === 'applied' || !step.policyArn || !step.accessScope)
        continue
      try {
        // Retrying a step of the person's own grant adds one policy: "whatever the entry is now" (If-Match: *).
        await associate.mutateAsync({ policyArn: step.policyArn, accessScope: step.accessScope, version: ANY_VERSION })
        step.status = 'applied'
        step.error = undefined
      } catch (e) {
        step.status = 'failed'
        step.error = { code: 'failed', message: e instanceof Error ? e.message : String(e) }
        break
      }
    }
    setResult({ ...result, steps, complete: steps.every((s) => s.status === 'applied') })
  }
  const rollBack = () =>
    remove.mutate(
      { principalArn: result.principalArn, version: ANY_VERSION },
      { onSuccess: () => setRolledBack(true), onError: (e) => setError(e.message) },
    )

  const title = rolledBack
    ? 'Rolled back: the access entry was deleted'
    : result.complete
      ? 'Access granted'
      : 'Created, not associated: the grant is incomplete'
  return (
    <div className="space-y-4">
      <Alert variant={rolledBack || result.complete ? 'info' : 'warning'} title={title}>
        <span className="font-mono text-xs break-all">{result.principalArn}</span>
        {result.expiresAt && !rolledBack ? (
          <p className="mt-1">Time-bound: the console revokes it on {new Date(result.expiresAt).toLocaleString()}.</p>
        ) : null}
      </Alert>
      <ol aria-label="Grant steps" className="space-y-2">
        {result.steps.map((step, i) => {
          const Icon = icons[step.status]
          return (
            <li key={i} className="flex gap-2 text-sm">
              <Icon
                aria-hidden="true"
                className={
                  step.status === 'applied'
                    ? 'size-4 text-emerald-600'
                    : step.status === 'failed'
                      ? 'size-4 text-red-600'
                      : 'size-4 text-zinc-400'
                }
              />
              <div>
                <span className="font-medium">{stepLabel(step)}</span>: {words[step.status]}
                {step.error ? <p className="text-red-700 dark:text-red-400">{step.error.message}</p> : null}
              </div>
            </li>
          )
        })}
      </ol>
      <FormError message={error} />
      <div className="flex flex-wrap gap-2">
        {!result.complete && !rolledBack ? (
          <>
            <Button variant="primary" disabled={associate.isPending} onClick={() => void retryRest()}>
              {associate.isPending ? 'Retrying…' : 'Retry the rest'}
            </Button>
            <Button disabled={remove.isPending} onClick={rollBack}>
              {remove.isPending ? 'Rolling back…' : 'Roll back (delete the entry)'}
            </Button>
          </>
        ) : null}
        <Link href={clusterPagePath(cluster, 'access')} className={buttonClasses('secondary')}>
          Back to access entries
        </Link>
      </div>
    </div>
  )
}
