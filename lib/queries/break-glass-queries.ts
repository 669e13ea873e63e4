import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'

import { fetchJson } from '@/lib/api/fetch-json'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import type { BreakGlassRequest } from '@/lib/time-bound/break-glass-schema'
import type { TimeBoundGrantDto } from '@/lib/time-bound/time-bound-dto'

import { accessEntryKeys } from './access-entry-queries'
import { apiPath } from './api-paths'
import { timeBoundKeys } from './time-bound-queries'

const breakGlassKey = ['break-glass'] as const

/** GET /api/break-glass: break-glass access in force anywhere (the banner), every 30 s. */
export const activeBreakGlassQuery = () =>
  queryOptions({
    queryKey: breakGlassKey,
    queryFn: ({ signal }) => fetchJson<{ grants: TimeBoundGrantDto[] }>('/api/break-glass', { signal }),
    refetchInterval: 30_000,
  })

/** POST …/break-glass: the admin's own principal becomes cluster admin for the minutes asked. */
export function useBreakGlass(c: ClusterRef) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: BreakGlassRequest) =>
      fetchJson<{ principalArn: string; expiresAt: string }>(apiPath(c, 'break-glass'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      }),
    onSettled: () =>
      Promise.all(
        [breakGlassKey, accessEntryKeys.all(c), timeBoundKeys.cluster(c)].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  })
}
