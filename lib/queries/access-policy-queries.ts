import { queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'

import { type accessPolicyListSchema } from '@/lib/access/access-entry-dto'
import { fetchJson } from '@/lib/api/fetch-json'

/** GET /api/access-policies: not cluster-scoped (ListAccessPolicies is account-wide), so keyed by region only. */
export const accessPoliciesQuery = (region: string) =>
  queryOptions({
    queryKey: ['access-policies', region] as const,
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof accessPolicyListSchema>>(`/api/access-policies?region=${encodeURIComponent(region)}`, {
        signal,
      }),
    staleTime: 60 * 60_000,
  })
