import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'

import { type iamPrincipalSearchSchema } from '@/lib/access/access-entry-dto'
import { fetchJson } from '@/lib/api/fetch-json'

/** GET /api/iam/principals?q=: IAM roles and users matching the search (IAM is global; the region picks the partition). */
export const iamPrincipalSearchQuery = (region: string, q: string) =>
  queryOptions({
    queryKey: ['iam', region, 'principals', q] as const,
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof iamPrincipalSearchSchema>>(
        `/api/iam/principals?region=${encodeURIComponent(region)}&q=${encodeURIComponent(q)}`,
        { signal },
      ),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  })
