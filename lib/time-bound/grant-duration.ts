// How long a time-bound grant lasts: a preset or a custom end time, shared by the grant forms (zodResolver) and the
// routes, and the one rule that turns it into an expiry (bounded by the cluster's maximum and the console's minimum).
import { z } from 'zod'

/** The presets the grant forms offer, in seconds. */
export const durationPresets = { '1h': 3600, '4h': 4 * 3600, '1d': 86_400, '1w': 7 * 86_400 } as const
export type DurationPreset = keyof typeof durationPresets

export const durationPresetLabels: Record<DurationPreset, string> = {
  '1h': '1 hour',
  '4h': '4 hours',
  '1d': '1 day',
  '1w': '1 week',
}

/** A week: the maximum a cluster has until an admin sets another (and the largest preset). */
export const DEFAULT_MAX_SECONDS = durationPresets['1w']
/** The ceiling an admin may set as a cluster's maximum (90 days: longer is standing access by another name). */
export const LARGEST_MAX_SECONDS = 90 * 86_400

/**
 * The duration part of a grant request: `permanent` (the console's grants as before), a preset, or a custom end time
 * (an ISO 8601 instant, e.g. from a datetime-local field converted in the browser).
 */
export const grantDurationSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('permanent') }),
    z.object({ kind: z.literal('preset'), preset: z.enum(Object.keys(durationPresets) as [DurationPreset]) }),
    z.object({
      kind: z.literal('until'),
      endsAt: z.iso.datetime({ offset: true, error: 'Choose when the access ends (a date and time).' }),
    }),
  ],
  { error: 'Choose how long the access lasts.' },
)
export type GrantDuration = z.infer<typeof grantDurationSchema>

/** The bounds a grant's length must respect on one cluster. */
export type DurationBounds = { minSeconds: number; maxSeconds: number }

/** Says a length in the largest whole unit that fits (for messages and the "time left" column). */
export function describeSeconds(seconds: number): string {
  const units: [number, string][] = [
    [86_400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ]
  for (const [size, name] of units) {
    if (seconds >= size && seconds % size === 0) {
      const n = seconds / size
      return `${n} ${name}${n === 1 ? '' : 's'}`
    }
  }
  return `${Math.max(0, Math.round(seconds))} seconds`
}

/**
 * When a grant asked for now ends, or the sentence saying why it cannot: an end time in the past, shorter than the
 * console's minimum (the scheduler checks every few seconds, so a shorter grant would outlive its end noticeably) or
 * longer than the cluster's maximum. `null` expiry means permanent.
 */
export function resolveExpiry(
  duration: GrantDuration,
  bounds: DurationBounds,
  now: Date,
): { expiresAt: Date | null } | { problem: string } {
  if (duration.kind === 'permanent') return { expiresAt: null }
  const end =
    duration.kind === 'preset'
      ? new Date(now.getTime() + durationPresets[duration.preset] * 1000)
      : new Date(duration.endsAt)
  const seconds = Math.round((end.getTime() - now.getTime()) / 1000)
  if (seconds <= 0) return { problem: 'The end time is in the past; choose a time after now.' }
  if (seconds < bounds.minSeconds) {
    return { problem: `Time-bound access lasts at least ${describeSeconds(bounds.minSeconds)}.` }
  }
  if (seconds > bounds.maxSeconds) {
    return {
      problem: `This cluster allows time-bound access for at most ${describeSeconds(bounds.maxSeconds)}; choose an earlier end.`,
    }
  }
  return { expiresAt: end }
}

/** "2 h 5 min left", "45 s left", "expired": the access table's time-left column. */
export function formatTimeLeft(expiresAt: Date, now: Date): string {
  const ms = expiresAt.getTime() - now.getTime()
  if (ms <= 0) return 'expired, revoking'
  const total = Math.ceil(ms / 1000)
  const days = Math.floor(total / 86_400)
  const hours = Math.floor((total % 86_400) / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  if (days > 0) return `${days} d ${hours} h left`
  if (hours > 0) return `${hours} h ${minutes} min left`
  if (minutes > 0) return `${minutes} min left`
  return `${total} s left`
}

/**
 * PUT …/time-bound-settings (and the settings form): the cluster's maximum length of time-bound access, in seconds,
 * and whether editors may decide its access requests (admins always may).
 */
export const timeBoundSettingsSchema = z.object({
  maxSeconds: z
    .number({ error: 'Enter the maximum.' })
    .int({ error: 'Enter a whole number of seconds.' })
    .min(60, { error: 'The maximum must be at least a minute.' })
    .max(LARGEST_MAX_SECONDS, { error: `The maximum can be at most ${describeSeconds(LARGEST_MAX_SECONDS)}.` }),
  editorsMayApprove: z.boolean({ error: 'Say whether editors may decide requests.' }),
})
export type TimeBoundSettingsInput = z.infer<typeof timeBoundSettingsSchema>

/** GET …/time-bound-settings: what the settings page shows (`custom`: an admin set the maximum). */
export const timeBoundSettingsDtoSchema = timeBoundSettingsSchema.extend({
  minSeconds: z.number(),
  custom: z.boolean(),
  updatedBy: z.string().nullable(),
})
export type TimeBoundSettingsDto = z.infer<typeof timeBoundSettingsDtoSchema>
