// The resource lists' filter values and query strings, zod-free: the browser components import these, the schemas
// that parse them (resource-filters.ts) run on the server (docs/client-bundle.md).

/** Pod statuses a person can filter by (kubectl's STATUS column, plus Failed = phase Failed whatever the reason). */
export const podStatusFilters = [
  'Running',
  'Pending',
  'Unschedulable',
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'Completed',
  'Failed',
  'Evicted',
] as const
export type PodStatusFilter = (typeof podStatusFilters)[number]

/** Node statuses a person can filter by. */
export const nodeStatusFilters = ['Ready', 'NotReady', 'SchedulingDisabled'] as const

/** Reads a URLSearchParams (or Next's searchParams record) into a plain record zod can parse. */
export function readSearchParams(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const out: Record<string, string> = {}
  if (params instanceof URLSearchParams) {
    for (const [key, value] of params) out[key] = value
  } else {
    for (const [key, value] of Object.entries(params)) if (typeof value === 'string') out[key] = value
  }
  return out
}

type FilterValues = Record<string, string | string[] | undefined>

/** A filter value as the query string carries it; '' when the filter is unset. */
function filterText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(',') : (value ?? '')
}

/** The query string of a filter set: empty values are left out so URLs stay short and stable. */
export function buildFilterQuery(filters: FilterValues): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) {
    const text = filterText(value)
    if (text) params.set(key, text)
  }
  const query = params.toString()
  return query ? `?${query}` : ''
}

/** Whether any filter is set, by the same rule that decides what goes into the query string. */
export function hasActiveFilters(filters: FilterValues): boolean {
  return Object.values(filters).some((value) => filterText(value) !== '')
}
