// What the forms say about a grant's end: the instant, in UTC, and the comment line the CLI echo gets. The AWS CLI
// and kubectl have no expiry, so the console's revocation can only be stated next to the commands, as a shell
// comment that keeps them runnable when copied.
import { durationPresets, grantDurationSchema, type GrantDuration } from './grant-duration'

/** When a grant asked for at `now` would end; null when permanent (or a custom end that is not a date yet). */
export function expiryInstant(duration: GrantDuration | undefined, now: Date): Date | null {
  // A half-typed custom end is no instant yet (Date would guess one).
  if (!duration || duration.kind === 'permanent' || !grantDurationSchema.safeParse(duration).success) return null
  const end =
    duration.kind === 'preset'
      ? new Date(now.getTime() + durationPresets[duration.preset] * 1000)
      : new Date(duration.endsAt)
  return end
}

/** `2026-12-03T10:00Z` (seconds only when there are some): the UTC instant people compare with CloudTrail. */
export function formatUtcInstant(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:00Z$/, 'Z')
}

/** `# the console revokes this at 2026-12-03T10:00Z`, or null for a permanent grant. */
export function expiryComment(duration: GrantDuration | undefined, now: Date): string | null {
  const end = expiryInstant(duration, now)
  return end ? `# the console revokes this at ${formatUtcInstant(end)}` : null
}

/** The commands with the expiry comment as their first line (unchanged when permanent). */
export function withExpiryComment(code: string, duration: GrantDuration | undefined, now: Date): string {
  const comment = expiryComment(duration, now)
  return comment ? `${comment}\n${code}` : code
}
