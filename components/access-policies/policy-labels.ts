import type { BadgeTone } from '@/components/ui/badge'
import type { AccessPolicyDto } from '@/lib/access/access-entry-dto'

/** Catalogue categories in words, with a badge tone; `null` = a policy the catalogue does not know. */
export const categoryLabels: Record<string, { label: string; tone: BadgeTone }> = {
  user: { label: 'For people', tone: 'blue' },
  'auto-mode': { label: 'EKS Auto Mode', tone: 'violet' },
  'eks-internal': { label: 'EKS internal', tone: 'neutral' },
  service: { label: 'AWS service', tone: 'neutral' },
}

/** The category of a policy in words ("Unknown" when the catalogue has no entry). */
export function describeCategory(policy: Pick<AccessPolicyDto, 'category'>): { label: string; tone: BadgeTone } {
  return (policy.category && categoryLabels[policy.category]) || { label: 'Unknown', tone: 'amber' }
}

/** The catalogue page path, optionally opened on one policy (for links from the grant form and access page). */
export function accessPoliciesPath(region: string, policy?: string): string {
  const params = new URLSearchParams({ region })
  if (policy) params.set('policy', policy)
  return `/access-policies?${params.toString()}`
}

/** Filters a policy list by name/summary text and category (`unknown` = not in the catalogue). */
export function filterPolicies(
  policies: readonly AccessPolicyDto[],
  query: string,
  category: string,
): AccessPolicyDto[] {
  const text = query.trim().toLowerCase()
  return policies.filter(
    (p) =>
      (!text || p.name.toLowerCase().includes(text) || (p.summary ?? '').toLowerCase().includes(text)) &&
      (!category || (category === 'unknown' ? p.category === null : p.category === category)),
  )
}
