import type { Mapping } from '@/lib/workload-identity/workload-identity-schemas'

/** The mapping page's filters, read from and written to the URL (deep links); '' means any. */
export type MappingFilters = { q: string; namespace: string; mechanism: string; verdict: string }

const KEYS = ['q', 'namespace', 'mechanism', 'verdict'] as const

/** Reads the filters from URL search params. */
export function readMappingFilters(params: URLSearchParams): MappingFilters {
  return {
    q: params.get('q') ?? '',
    namespace: params.get('namespace') ?? '',
    mechanism: params.get('mechanism') ?? '',
    verdict: params.get('verdict') ?? '',
  }
}

/** The query string for `filters` (empty values dropped), e.g. `?verdict=fail&namespace=orders`. */
export function writeMappingFilters(filters: MappingFilters): string {
  const params = new URLSearchParams()
  for (const key of KEYS) if (filters[key]) params.set(key, filters[key])
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** Keeps the mappings that match: `q` in service account or role ARN; `mechanism` 'both' only the flagged ones. */
export function filterMappings(mappings: readonly Mapping[], f: MappingFilters): Mapping[] {
  const q = f.q.trim().toLowerCase()
  return mappings.filter((m) => {
    if (f.namespace && m.namespace !== f.namespace) return false
    if (f.verdict && m.verdict !== f.verdict) return false
    if (f.mechanism === 'both' && m.mechanism !== 'both') return false
    if (
      (f.mechanism === 'pod-identity' || f.mechanism === 'irsa') &&
      m.mechanism !== f.mechanism &&
      m.mechanism !== 'both'
    )
      return false
    if (!q) return true
    return (
      m.serviceAccount.toLowerCase().includes(q) ||
      m.namespace.toLowerCase().includes(q) ||
      [m.podIdentity?.roleArn, m.irsa?.roleArn, m.podIdentity?.targetRoleArn].some((arn) =>
        arn?.toLowerCase().includes(q),
      )
    )
  })
}
