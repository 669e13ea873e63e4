'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'

import { DurationField } from '@/components/time-bound/duration-field'
import { TimeLeft } from '@/components/time-bound/time-left'
import { useNow } from '@/components/time-bound/use-now'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { DialogFooter } from '@/components/ui/dialog-footer'
import { fieldIds, FormField, inputClasses } from '@/components/ui/form-field'
import { applyServerIssues } from '@/components/ui/use-server-form-submit'
import { associatePolicyRequestSchema } from '@/lib/access/access-entry-bodies'
import type { AccessEntryDto } from '@/lib/access/access-entry-dto'
import {
  buildAssociateAccessPolicyArgs,
  buildDisassociateAccessPolicyArgs,
  formatShellCommand,
} from '@/lib/access/cli-commands'
import { staleEntryOf } from '@/lib/access/stale-entry'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { kubernetesContextQuery, useAssociatePolicy, useDisassociatePolicy } from '@/lib/queries/access-entry-queries'
import { accessPoliciesQuery } from '@/lib/queries/access-policy-queries'
import { timeBoundGrantsQuery } from '@/lib/queries/time-bound-queries'
import { withExpiryComment } from '@/lib/time-bound/expiry-note'
import type { GrantDuration } from '@/lib/time-bound/grant-duration'

import { lockoutText } from './lockout-text'
import { PolicyScopeFields } from './policy-scope-fields'
import { PolicyChip } from './scope-label'
import { needsTypedConfirmation } from './server-issues'

type Input = z.input<typeof associatePolicyRequestSchema>
type Output = z.output<typeof associatePolicyRequestSchema>
type Pending = { kind: 'remove'; policyArn: string } | { kind: 'set'; input: Output }

/** The duration's error, wherever in the union zod put it (the server's comes on `duration` itself). */
function durationError(error: unknown): string | undefined {
  const e = error as { message?: string; endsAt?: { message?: string } } | undefined
  return e?.message ?? e?.endsAt?.message
}

/** Add a policy, change a policy's scope (AssociateAccessPolicy replaces it), or remove one. */
export function EntryPoliciesDialog({
  cluster,
  entry,
  isAdmin,
  onClose,
  prefill,
}: {
  cluster: ClusterRef
  entry: AccessEntryDto
  isAdmin: boolean
  onClose: () => void
  /** A policy and scope to start the form with (a fix linked from effective access or findings). */
  prefill?: Input
}) {
  const associate = useAssociatePolicy(cluster, entry.principalArn)
  const disassociate = useDisassociatePolicy(cluster, entry.principalArn)
  const { data: catalogue } = useQuery(accessPoliciesQuery(cluster.region))
  const { data: kube } = useQuery(kubernetesContextQuery(cluster))
  const [formError, setFormError] = useState<string>()
  const [guard, setGuard] = useState<{ pending: Pending; typed: string } | null>(null)
  // A new association may be time-bound; the field starts again (permanent) after each save.
  const { data: timeBound } = useQuery(timeBoundGrantsQuery(cluster))
  const [durationKey, setDurationKey] = useState(0)
  const now = useNow(15_000)
  const grantsOf = (policyArn: string) =>
    (timeBound?.grants ?? []).filter(
      (g) =>
        g.principalArn === entry.principalArn &&
        (g.addition.kind === 'access-entry' ||
          (g.addition.kind === 'access-policy' && g.addition.policyArn === policyArn)),
    )
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(associatePolicyRequestSchema),
    defaultValues: prefill ?? { policyArn: '', accessScope: { type: 'namespace', namespaces: [] } },
  })
  const values = useWatch({ control: form.control })
  const errors = form.formState.errors
  const scopeErrors = errors.accessScope as { message?: string } | undefined
  const ref = { clusterName: cluster.name, region: cluster.region, principalArn: entry.principalArn }
  const editing = entry.policies.some((p) => p.policyArn === values.policyArn)

  const run = async (pending: Pending, confirmClusterName?: string) => {
    setFormError(undefined)
    try {
      if (pending.kind === 'remove')
        await disassociate.mutateAsync({ policyArn: pending.policyArn, confirmClusterName, version: entry.version })
      else await associate.mutateAsync({ ...pending.input, confirmClusterName, version: entry.version })
      setGuard(null)
      if (pending.kind === 'set') {
        form.reset({ policyArn: '', accessScope: { type: 'namespace', namespaces: [] } })
        setDurationKey((k) => k + 1)
      }
    } catch (error) {
      if (needsTypedConfirmation(error) && isAdmin) return setGuard({ pending, typed: '' })
      // The list now holds the current entry (the 412 carried it), so the policies above already show what changed.
      if (staleEntryOf(error)) {
        setGuard(null)
        return setFormError(
          'Someone changed this entry since you opened it, so nothing was changed. The policies above are the current ones; check them and apply your change again.',
        )
      }
      setFormError(applyServerIssues(error, form.setError, ['policyArn', 'accessScope', 'duration']))
    }
  }
  // Re-scoping an existing association cannot be time-bound (its revocation would take away what predates it).
  const onSubmit = form.handleSubmit((input) =>
    run({ kind: 'set', input: editing ? { ...input, duration: undefined } : input }),
  )
  const busy = associate.isPending || disassociate.isPending

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Access policies of ${entry.principalName}`} wide>
      <div className="space-y-5">
        <section aria-label="Associated policies" className="space-y-2">
          {entry.policies.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No policies yet.</p>
          ) : null}
          <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {entry.policies.map((p) => (
              <li key={p.policyArn} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                <div className="flex flex-wrap items-center gap-2">
                  <PolicyChip policy={p} />
                  {grantsOf(p.policyArn).length > 0 ? <TimeLeft grants={grantsOf(p.policyArn)} now={now} /> : null}
                </div>
                <div className="flex gap-1">
                  <Button
                    variant="ghost"
                    onClick={() => {
                      form.reset({ policyArn: p.policyArn, accessScope: p.accessScope })
                      setDurationKey((k) => k + 1)
                    }}
                  >
                    Change scope<span className="sr-only"> of {p.policyName}</span>
                  </Button>
                  <Button
                    variant="ghost"
                    disabled={busy}
                    onClick={() => void run({ kind: 'remove', policyArn: p.policyArn })}
                  >
                    Remove<span className="sr-only"> {p.policyName}</span>
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </section>
        {guard ? (
          <div
            role="alert"
            className="space-y-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200"
          >
            <p className="font-medium">{lockoutText[entry.lockoutRisk ?? 'last-cluster-admin']}</p>
            <FormField
              id="policy-confirm"
              label={
                <>
                  Type the cluster name <strong>{cluster.name}</strong> to confirm
                </>
              }
            >
              <input
                {...fieldIds('policy-confirm')}
                className={inputClasses()}
                value={guard.typed}
                onChange={(e) => setGuard({ ...guard, typed: e.target.value })}
              />
            </FormField>
            <div className="flex gap-2">
              <Button onClick={() => setGuard(null)}>Cancel</Button>
              <Button
                disabled={guard.typed !== cluster.name || busy}
                className="bg-red-600 text-white hover:bg-red-700"
                onClick={() => void run(guard.pending, guard.typed)}
              >
                Apply anyway
              </Button>
            </div>
          </div>
        ) : null}
        <form onSubmit={onSubmit} className="space-y-4 border-t border-zinc-200 pt-4 dark:border-zinc-800" noValidate>
          <h3 className="text-sm font-semibold">{editing ? 'Change the scope' : 'Add a policy'}</h3>
          <PolicyScopeFields
            control={form.control}
            prefix=""
            idPrefix="entry-policy"
            policies={catalogue?.policies ?? []}
            errors={{
              policyArn: errors.policyArn?.message,
              scope: scopeErrors?.message,
            }}
            knownNamespaces={kube?.available ? kube.namespaces : null}
            region={cluster.region}
          />
          {/* Hidden, not unmounted, while re-scoping: the field keeps showing the choice the form holds. */}
          <div hidden={editing}>
            <DurationField
              key={durationKey}
              id="entry-policy-duration"
              bounds={timeBound?.bounds}
              error={durationError(errors.duration)}
              onChange={(duration) => form.setValue('duration', duration, { shouldValidate: true })}
            />
          </div>
          <DialogFooter
            command={
              values.policyArn
                ? {
                    label: 'Equivalent AWS CLI command',
                    code: withExpiryComment(
                      formatShellCommand(
                        buildAssociateAccessPolicyArgs({
                          ...ref,
                          policyArn: values.policyArn,
                          accessScope: {
                            type: values.accessScope?.type ?? 'cluster',
                            namespaces: values.accessScope?.namespaces ?? [],
                          },
                        }),
                        { multiline: true },
                      ),
                      editing ? undefined : (values.duration as GrantDuration | undefined),
                      now,
                    ),
                  }
                : entry.policies[0]
                  ? {
                      label: 'Removing a policy runs',
                      code: formatShellCommand(
                        buildDisassociateAccessPolicyArgs({ ...ref, policyArn: entry.policies[0].policyArn }),
                        { multiline: true },
                      ),
                    }
                  : undefined
            }
            error={formError}
            onCancel={onClose}
            cancelLabel="Close"
            actionLabel={editing ? 'Change scope' : 'Add policy'}
            pendingLabel="Saving…"
            pending={associate.isPending}
            disabled={busy}
          />
        </form>
      </div>
    </Dialog>
  )
}
