'use client'

import { useState, useSyncExternalStore } from 'react'

import { fieldIds, FormField, inputClasses } from '@/components/ui/form-field'
import {
  describeSeconds,
  durationPresetLabels,
  durationPresets,
  type DurationBounds,
  type DurationPreset,
} from '@/lib/time-bound/duration-presets'
import type { GrantDuration } from '@/lib/time-bound/grant-duration'

import { useNow } from './use-now'

type Choice = 'permanent' | DurationPreset | 'until'

const noSubscription = () => () => undefined
/** False while the server renders and the browser hydrates: the end time depends on the browser's clock and zone. */
const useInBrowser = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )

const formatEnd = (date: Date) =>
  // timeStyle 'long' names the time zone (dateStyle cannot be combined with timeZoneName).
  date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'long' })

/** `yyyy-mm-ddThh:mm:ss` in the browser's time zone, what a datetime-local input holds. */
function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 19)
}

function toDuration(choice: Choice, custom: string): GrantDuration {
  if (choice === 'permanent') return { kind: 'permanent' }
  if (choice !== 'until') return { kind: 'preset', preset: choice }
  const end = new Date(custom)
  return { kind: 'until', endsAt: Number.isNaN(end.getTime()) ? custom : end.toISOString() }
}

/**
 * How long a grant lasts: permanent, a preset, or a custom end (seconds allowed). Shows when the access ends and the
 * cluster's bounds; hides the presets over the cluster's maximum. Without `allowPermanent` (an access request always
 * ends) it starts at 1 hour: the form's default value must say the same.
 */
export function DurationField({
  id,
  bounds,
  error,
  onChange,
  allowPermanent = true,
  endPrefix = 'Access ends',
}: {
  id: string
  bounds: DurationBounds | undefined
  error?: string
  onChange: (duration: GrantDuration) => void
  allowPermanent?: boolean
  /** The sentence before the end time (a request's length counts from its approval, not from now). */
  endPrefix?: string
}) {
  const now = useNow(15_000)
  const inBrowser = useInBrowser()
  const [choice, setChoice] = useState<Choice>(allowPermanent ? 'permanent' : '1h')
  const [custom, setCustom] = useState('')
  const duration = toDuration(choice, custom)
  const end =
    duration.kind === 'preset'
      ? new Date(now.getTime() + durationPresets[duration.preset] * 1000)
      : duration.kind === 'until'
        ? new Date(duration.endsAt)
        : null
  const presets = (Object.keys(durationPresets) as DurationPreset[]).filter(
    (p) => !bounds || durationPresets[p] <= bounds.maxSeconds,
  )
  const hint = bounds
    ? `Time-bound access on this cluster lasts between ${describeSeconds(bounds.minSeconds)} and ${describeSeconds(bounds.maxSeconds)}; the console revokes it on its own.`
    : 'Time-bound access is revoked by the console on its own.'
  const update = (nextChoice: Choice, nextCustom: string) => {
    setChoice(nextChoice)
    setCustom(nextCustom)
    onChange(toDuration(nextChoice, nextCustom))
  }

  return (
    <div className="space-y-3">
      <FormField id={id} label="How long" hint={hint} error={choice === 'until' ? undefined : error}>
        <select
          {...fieldIds(id, choice === 'until' ? undefined : error, hint)}
          className={inputClasses(Boolean(error) && choice !== 'until')}
          value={choice}
          onChange={(e) => {
            const next = e.target.value as Choice
            update(next, next === 'until' && !custom ? toLocalInput(new Date(now.getTime() + 3600_000)) : custom)
          }}
        >
          {allowPermanent ? <option value="permanent">Permanent (until someone removes it)</option> : null}
          {presets.map((p) => (
            <option key={p} value={p}>
              {durationPresetLabels[p]}
            </option>
          ))}
          <option value="until">Until a date and time…</option>
        </select>
      </FormField>
      {choice === 'until' ? (
        <FormField id={`${id}-end`} label="Ends at (your local time)" error={error}>
          <input
            type="datetime-local"
            step={1}
            {...fieldIds(`${id}-end`, error)}
            className={inputClasses(Boolean(error))}
            value={custom}
            onChange={(e) => update('until', e.target.value)}
          />
        </FormField>
      ) : null}
      {inBrowser && end && !Number.isNaN(end.getTime()) ? (
        <p className="text-sm" aria-live="polite">
          {endPrefix} <strong>{formatEnd(end)}</strong>.
        </p>
      ) : null}
    </div>
  )
}
