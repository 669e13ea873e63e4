// Break-glass: an admin's own emergency cluster admin, shared by the dialog (zodResolver) and the route.
import { z } from 'zod'

import { multiLineText } from '@/lib/validation/text-fields'

/** The longest break-glass access: an hour, whatever the cluster's maximum for other grants. */
export const BREAK_GLASS_MAX_MINUTES = 60

/** POST …/break-glass: why (mandatory, recorded in the audit log) and for how long. */
export const breakGlassSchema = z.object({
  reason: multiLineText({ error: 'Say why you need emergency access.' })
    .trim()
    .min(10, { error: 'Say why you need emergency access (at least 10 characters).' })
    .max(1000, { error: 'Keep the reason under 1,000 characters.' }),
  minutes: z
    .number({ error: 'Choose how many minutes.' })
    .int({ error: 'Choose a whole number of minutes.' })
    .min(1, { error: 'At least 1 minute.' })
    .max(BREAK_GLASS_MAX_MINUTES, { error: `Break-glass access lasts at most ${BREAK_GLASS_MAX_MINUTES} minutes.` })
    .default(BREAK_GLASS_MAX_MINUTES),
})
export type BreakGlassRequest = z.input<typeof breakGlassSchema>
export type BreakGlassInput = z.output<typeof breakGlassSchema>
