// The zod-free half of grant durations: presets, bounds and how lengths are said. Pages import these without
// pulling zod into their first-load JavaScript (docs/client-bundle.md); the schemas live in grant-duration.ts.

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
