'use client'

import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useForm } from 'react-hook-form'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { FormError } from '@/components/ui/form-error'
import { fieldIds, FormField, inputClasses } from '@/components/ui/form-field'
import { DescriptionList, Panel } from '@/components/ui/panel'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { useServerFormSubmit } from '@/components/ui/use-server-form-submit'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { timeBoundSettingsQuery, useSaveTimeBoundSettings } from '@/lib/queries/access-request-queries'
import { describeSeconds } from '@/lib/time-bound/duration-presets'
import type { TimeBoundSettingsDto, TimeBoundSettingsInput } from '@/lib/time-bound/grant-duration'
import { lazySchema, lazyZodResolver } from '@/lib/validation/lazy-schema'

// The route's schema, loaded on first validation (docs/client-bundle.md).
const timeBoundSettingsSchema = lazySchema(() =>
  import('@/lib/time-bound/grant-duration').then((m) => m.timeBoundSettingsSchema),
)

const units = [
  { seconds: 86_400, label: 'days' },
  { seconds: 3600, label: 'hours' },
  { seconds: 60, label: 'minutes' },
] as const

/** The largest unit the maximum is a whole number of (a week → 7 days). */
function splitSeconds(seconds: number): { amount: string; unit: number } {
  const unit = units.find((u) => seconds % u.seconds === 0) ?? units[2]
  return { amount: String(Math.round(seconds / unit.seconds)), unit: unit.seconds }
}

function SettingsForm({ cluster, settings }: { cluster: ClusterRef; settings: TimeBoundSettingsDto }) {
  const save = useSaveTimeBoundSettings(cluster)
  const [saved, setSaved] = useState(false)
  const [length, setLength] = useState(splitSeconds(settings.maxSeconds))
  const form = useForm<TimeBoundSettingsInput, unknown, TimeBoundSettingsInput>({
    resolver: lazyZodResolver(timeBoundSettingsSchema),
    defaultValues: { maxSeconds: settings.maxSeconds, editorsMayApprove: settings.editorsMayApprove },
  })
  const { onSubmit, formError } = useServerFormSubmit(form, ['maxSeconds', 'editorsMayApprove'], async (input) => {
    setSaved(false)
    await save.mutateAsync(input)
    setSaved(true)
  })
  const setMaximum = (next: { amount: string; unit: number }) => {
    setLength(next)
    setSaved(false)
    const amount = next.amount.trim() === '' ? Number.NaN : Number(next.amount)
    form.setValue('maxSeconds', amount * next.unit, { shouldValidate: true })
  }
  const maxError = form.formState.errors.maxSeconds?.message
  const hint = `Between ${describeSeconds(settings.minSeconds)} (the console's minimum) and 90 days. Grants already made keep their end.`
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <FormField id="settings-max" label="Longest time-bound access" hint={hint} error={maxError}>
        <div className="flex gap-2">
          <input
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            {...fieldIds('settings-max', maxError, hint)}
            className={inputClasses(Boolean(maxError), 'w-32')}
            value={length.amount}
            onChange={(e) => setMaximum({ ...length, amount: e.target.value })}
          />
          <select
            aria-label="Unit"
            className={inputClasses(false, 'w-36')}
            value={length.unit}
            onChange={(e) => setMaximum({ ...length, unit: Number(e.target.value) })}
          >
            {units.map((u) => (
              <option key={u.seconds} value={u.seconds}>
                {u.label}
              </option>
            ))}
          </select>
        </div>
      </FormField>
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          id="settings-editors"
          className="mt-1 size-4"
          aria-describedby="settings-editors-hint"
          {...form.register('editorsMayApprove', { onChange: () => setSaved(false) })}
        />
        <div>
          <label htmlFor="settings-editors" className="text-sm font-medium">
            Editors may approve or deny access requests on this cluster
          </label>
          <p id="settings-editors-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
            Admins always may. Nobody decides their own request.
          </p>
        </div>
      </div>
      <FormError message={formError} />
      {saved ? (
        <Alert variant="info" title="Settings saved">
          The change is in the audit log.
        </Alert>
      ) : null}
      <Button type="submit" variant="primary" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save settings'}
      </Button>
    </form>
  )
}

/** A cluster's time-bound settings: a form for admins, the same facts read-only for everyone else. */
export function TimeBoundSettingsPanel({ cluster, canChange }: { cluster: ClusterRef; canChange: boolean }) {
  const query = useQuery(timeBoundSettingsQuery(cluster))
  let body
  if (query.isPending) body = <Skeleton aria-label="Loading the settings" className="h-32 w-full" />
  else if (query.error) {
    body = <QueryError error={query.error} what="the time-bound settings" onRetry={() => void query.refetch()} />
  } else if (canChange) body = <SettingsForm cluster={cluster} settings={query.data} />
  else {
    body = (
      <div className="space-y-4">
        <DescriptionList
          items={[
            { label: 'Longest time-bound access', value: describeSeconds(query.data.maxSeconds) },
            {
              label: 'Who decides access requests',
              value: query.data.editorsMayApprove ? 'Admins and editors' : 'Admins only',
            },
          ]}
        />
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Only admins change these settings.</p>
      </div>
    )
  }
  const origin = query.data
    ? query.data.custom
      ? `Last set by ${query.data.updatedBy ?? 'an admin'}.`
      : 'The defaults: nobody has changed them yet.'
    : undefined
  return (
    <Panel title="Time-bound access settings" description={origin}>
      {body}
    </Panel>
  )
}
