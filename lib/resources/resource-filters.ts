// The list filters of the resource pages. One schema per kind, shared by the page (read from and written to the URL,
// so every view is a deep link) and the route handler (parsed from the same query string).
import { z } from 'zod'

import { singleLineText } from '@/lib/validation/text-fields'

// RFC 1123 label: what Kubernetes accepts as a namespace name.
const namespaceName = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'Not a namespace name')

const commaList = singleLineText()
  .optional()
  .transform((value) =>
    [
      ...new Set(
        (value ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ].sort(),
  )

const text = (max: number) =>
  singleLineText()
    .max(max, `At most ${max} characters`)
    .optional()
    .transform((v) => v?.trim() ?? '')

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

export const podFiltersSchema = z.object({
  ns: commaList.pipe(z.array(namespaceName).max(50, 'Choose at most 50 namespaces')),
  q: text(253),
  status: z.enum(podStatusFilters).optional().catch(undefined),
  node: text(253),
  labels: text(1000),
})
export type PodFilters = z.infer<typeof podFiltersSchema>

export const nodeStatusFilters = ['Ready', 'NotReady', 'SchedulingDisabled'] as const

export const nodeFiltersSchema = z.object({
  q: text(253),
  status: z.enum(nodeStatusFilters).optional().catch(undefined),
  labels: text(1000),
})
export type NodeFilters = z.infer<typeof nodeFiltersSchema>

export const namespaceFiltersSchema = z.object({ q: text(63), labels: text(1000) })
export type NamespaceFilters = z.infer<typeof namespaceFiltersSchema>

/** Paging on top of the filters: the opaque cursor of the previous page and the page size. */
export const pagingSchema = z.object({
  cursor: z.string().max(4096).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

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
