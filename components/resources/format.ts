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
  return iso
    ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }) + ' UTC'
    : '—'
}

/** "1,234" */
export const formatCount = (n: number) => n.toLocaleString('en-US')

/**
 * An EC2 node name without the DNS suffix every node of a cluster shares (`ip-10-0-32-7.us-west-2.compute.internal`
 * → `ip-10-0-32-7`; us-east-1 uses `ec2.internal`), so tables keep room for other columns; other names unchanged.
 */
export function shortNodeName(name: string): string {
  return name.replace(/\.(?:[a-z]{2}(?:-[a-z]+)+-\d+\.compute|ec2)\.internal$/, '')
}
