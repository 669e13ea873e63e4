import 'server-only'

import { notFound } from 'next/navigation'
import type { z } from 'zod'

import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

/** Decodes each string param once; a `%` escape that does not decode names nothing (undefined). */
function decodeOnce(params: unknown): unknown {
  if (typeof params !== 'object' || params === null) return params
  const decoded: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string') decoded[key] = value
    else {
      try {
        decoded[key] = decodeURIComponent(value)
      } catch {
        return undefined
      }
    }
  }
  return decoded
}

/**
 * A page's route params, decoded once and validated by `schema`, or the not-found page for a URL that names nothing
 * valid. A page's params arrive still percent-encoded (Next encodes them for pages, unlike a route handler's, which
 * arrive decoded: https://nextjs.org/docs/app/api-reference/file-conventions/dynamic-routes), and RBAC names hold
 * `:` (`system:masters`) that links encode as %3A. Exactly once: a URL encoded twice must not name something else.
 * Query values (`?namespace=`) arrive decoded already: pass them as `decoded`, validated with the params but not
 * decoded a second time.
 */
export function pageParams<S extends z.ZodType>(
  schema: S,
  params: unknown,
  decoded: Record<string, unknown> = {},
): z.output<S> {
  const once = decodeOnce(params)
  const parsed = schema.safeParse(once === undefined ? undefined : { ...(once as object), ...decoded })
  if (!parsed.success) notFound()
  return parsed.data
}

/** The cluster a page's `[region]/[cluster]` params name (decoded once and validated), or the not-found page. */
export function pageClusterRef(params: { region: string; cluster: string }): ClusterRef {
  const { region, cluster } = pageParams(clusterParamsSchema, params)
  return { region, name: cluster }
}

/**
 * The params as a page's title shows them: each decoded once like {@link pageParams} (`system%3Amasters` →
 * `system:masters`), but never a 404 — generateMetadata only names the page; a value that does not decode is shown
 * as it came.
 */
export function pageTitleParams<P extends Record<string, string>>(params: P): P {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(params)) {
    const decoded = decodeOnce({ value }) as { value: string } | undefined
    out[key] = decoded?.value ?? value
  }
  return out as P
}
