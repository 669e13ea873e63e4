// The list filters of the resource pages. One schema per kind, shared by the page (read from and written to the URL,
// so every view is a deep link) and the route handler (parsed from the same query string).
import { z } from 'zod'

import { singleLineText } from '@/lib/validation/text-fields'

import { nodeStatusFilters, podStatusFilters, readSearchParams } from './resource-filter-query'

// Existing importers keep working; pages import these from resource-filter-query.ts (no zod: docs/client-bundle.md).
export {
  buildFilterQuery,
  hasActiveFilters,
  nodeStatusFilters,
  podStatusFilters,
  readSearchParams,
  type PodStatusFilter,
} from './resource-filter-query'

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

export const podFiltersSchema = z.object({
  ns: commaList.pipe(z.array(namespaceName).max(50, 'Choose at most 50 namespaces')),
  q: text(253),
  status: z.enum(podStatusFilters).optional().catch(undefined),
  node: text(253),
  labels: text(1000),
})
export type PodFilters = z.infer<typeof podFiltersSchema>

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

/**
 * The filters a list page shows, read from its URL on the server (the page passes them to the browser component, so
 * the browser needs no zod): invalid values fall back to their defaults instead of breaking the page.
 */
export function filtersFromSearchParams<S extends z.ZodType<Record<string, unknown>>>(
  schema: S,
  params: Record<string, string | string[] | undefined>,
): z.infer<S> {
  const parsed = schema.safeParse(readSearchParams(params))
  return parsed.success ? parsed.data : schema.parse({})
}
