import 'server-only'

import { notFound } from 'next/navigation'
import type { z } from 'zod'

import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

/**
 * A page's route params, validated by `schema`, or the not-found page for a URL that names nothing valid. Next has
 * already decoded each path segment once; decoding again would let a URL encoded twice name something else.
 */
export function pageParams<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const parsed = schema.safeParse(params)
  if (!parsed.success) notFound()
  return parsed.data
}

/** The cluster a page's `[region]/[cluster]` params name (validated, decoded once by Next), or the not-found page. */
export function pageClusterRef(params: { region: string; cluster: string }): ClusterRef {
  const { region, cluster } = pageParams(clusterParamsSchema, params)
  return { region, name: cluster }
}
