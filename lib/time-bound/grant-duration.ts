// How long a time-bound grant lasts: a preset or a custom end time, shared by the grant forms (zodResolver) and the
// routes, and the one rule that turns it into an expiry (bounded by the cluster's maximum and the console's minimum).
import { z } from 'zod'

import {
  describeSeconds,
  durationPresets,
  LARGEST_MAX_SECONDS,
  type DurationBounds,
  type DurationPreset,
} from './duration-presets'

// Existing importers keep working; pages should import these from duration-presets.ts (no zod there).
export {
  DEFAULT_MAX_SECONDS,
  describeSeconds,
  durationPresetLabels,
  durationPresets,
  formatTimeLeft,
  LARGEST_MAX_SECONDS,
  type DurationBounds,
  type DurationPreset,
} from './duration-presets'

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
