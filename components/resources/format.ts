import { formatUtcDateTime } from '@/lib/utc-date-time'

/** kubectl-style age: 45s, 12m, 5h, 3d, 2y (from an RFC 3339 timestamp to `now`). */
export function formatAge(iso: string | null, now = Date.now()): string {
  if (!iso) return '—'
  const seconds = Math.max(0, Math.floor((now - Date.parse(iso)) / 1000))
  if (seconds < 120) return `${seconds}s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 120) return `${minutes}m`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours}h`
  const days = Math.floor(hours / 24)
  return days < 730 ? `${days}d` : `${Math.floor(days / 365)}y`
}

/** A UTC timestamp for titles and detail views. */
export function formatTimestamp(iso: string | null): string {
  return iso ? `${formatUtcDateTime(iso, 'seconds')} UTC` : '—'
}
