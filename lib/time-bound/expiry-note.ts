// What the forms say about a grant's end: the instant, in UTC, and the comment line the CLI echo gets. The AWS CLI
// and kubectl have no expiry, so the console's revocation can only be stated next to the commands, as a shell
// comment that keeps them runnable when copied.
import { durationPresets } from './duration-presets'
import type { GrantDuration } from './grant-duration'

// RFC 3339 date-time with seconds and an offset: what grantDurationSchema's `endsAt` accepts. Checked here without
// zod because the grant forms' first load shows these notes (docs/client-bundle.md); expiry-note.test.ts holds the
// two to the same answers.
const rfc3339Instant =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/

/** Whether `text` is a whole instant (not a half-typed one, nor 30 February, which Date would roll over). */
export function isCompleteInstant(text: string): boolean {
  const match = rfc3339Instant.exec(text)
  if (!match) return false
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number]
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!
}

/** When a grant asked for at `now` would end; null when permanent (or a custom end that is not a date yet). */
export function expiryInstant(duration: GrantDuration | undefined, now: Date): Date | null {
  // A half-typed custom end is no instant yet (Date would guess one).
  if (!duration || duration.kind === 'permanent') return null
  if (duration.kind === 'until' && !isCompleteInstant(duration.endsAt)) return null
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
