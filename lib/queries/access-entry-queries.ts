import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'

import {
  createStreamingPageReader,
  pageOfLines,
  type AccessEntriesLine,
  type StreamingAccessEntriesPage,
} from '@/lib/access/access-entries-stream'
import type { AssociatePolicyRequest } from '@/lib/access/access-entry-bodies'
import {
  type accessEntriesPageSchema,
  type AccessEntryDto,
  type accessEntryDtoSchema,
  type deletedEntrySchema,
  type grantResultSchema,
  type kubernetesContextSchema,
} from '@/lib/access/access-entry-dto'
import type { CreateAccessEntryRequest, UpdateAccessEntryInput } from '@/lib/access/access-entry-schema'
import { ifMatchHeader, staleEntryOf } from '@/lib/access/stale-entry'
import { ApiError } from '@/lib/api/api-error'
import { isErrorCode } from '@/lib/api/error-codes'
import { fetchJson } from '@/lib/api/fetch-json'
import { fetchNdjson } from '@/lib/api/fetch-ndjson'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { apiPath } from './api-paths'
import { clusterKeys } from './cluster-queries'
import { timeBoundKeys } from './time-bound-queries'

/** Query keys of a cluster's access entries. */
export const accessEntryKeys = {
  all: (c: ClusterRef) => [...clusterKeys.all(c), 'access-entries'] as const,
  list: (c: ClusterRef) => [...accessEntryKeys.all(c), 'list'] as const,
  kubernetes: (c: ClusterRef) => [...accessEntryKeys.all(c), 'kubernetes'] as const,
}

/**
 * GET …/access-entries?stream=1: every entry with details. While no complete page is on screen (the first load, or
 * the first screen the server rendered into the page), the rows show as the server describes them (`loading` says how
 * far it got; writes stay off until the complete page replaces them) and never fewer than already shown; a refetch of
 * a complete page keeps it until the new one is complete, so the table never empties under the person.
 */
export const accessEntriesQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: accessEntryKeys.list(c),
    queryFn: async ({ signal, client, queryKey }): Promise<StreamingAccessEntriesPage> => {
      const onScreen = () => client.getQueryData<StreamingAccessEntriesPage>(queryKey)
      const progressive = onScreen()?.loading !== undefined || onScreen() === undefined
      const stream = createStreamingPageReader(toApiError)
      let pending: ReturnType<typeof setTimeout> | undefined
      const show = () => {
        pending = undefined
        const page = stream.page()
        if (page && page.entries.length >= (onScreen()?.entries.length ?? 0)) client.setQueryData(queryKey, page)
      }
      const url = `${apiPath(c, 'access-entries')}?stream=1`
      try {
        for await (const line of fetchNdjson<AccessEntriesLine>(url, { signal })) {
          stream.read(line)
          // Until rows are on screen every line shows at once; later ones at most ~10 times a second.
          if (progressive && line.kind !== 'page') {
            if (!onScreen()?.entries.length) show()
            else pending ??= setTimeout(show, 100)
          }
        }
      } finally {
        clearTimeout(pending)
      }
      const page = stream.page()
      if (!page || page.loading) throw toApiError('invalid_response', 'The access entries ended before the last one.')
      return page
    },
  })

const toApiError = (code: string, message: string) =>
  new ApiError(200, isErrorCode(code) ? code : 'invalid_response', message)

/** The page the server's first screen of lines describes (undefined when it held no head): the query's first data. */
export const pageOfFirstScreen = (lines: readonly AccessEntriesLine[]) => pageOfLines(lines, toApiError)

/** GET …/access-entries/kubernetes: namespaces and bound groups, for warnings. */
export const kubernetesContextQuery = (c: ClusterRef) =>
  queryOptions({
    queryKey: accessEntryKeys.kubernetes(c),
    queryFn: ({ signal }) =>
      fetchJson<z.infer<typeof kubernetesContextSchema>>(apiPath(c, 'access-entries', 'kubernetes'), { signal }),
    staleTime: 5 * 60_000,
  })

const json = (method: string, body?: unknown, headers?: Record<string, string>): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: body === undefined ? undefined : JSON.stringify(body),
})

/** Every write to an existing entry names the version the person saw (If-Match); the server answers 412 if stale. */
type Versioned<T> = T & { version: string }

/** Re-reads the list bypassing the server's detail cache (the "Refresh" button). */
export function fetchFreshAccessEntries(c: ClusterRef) {
  return fetchJson<z.infer<typeof accessEntriesPageSchema>>(`${apiPath(c, 'access-entries')}?fresh=1`, {})
}

function useInvalidateEntries(c: ClusterRef) {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: accessEntryKeys.list(c) })
}

/**
 * Puts an entry the server just answered with (after a write, or the current one a 412 carried) into the cached list
 * at once, so the next write from an open dialog sends its new version instead of waiting for the refetch.
 */
function useStoreEntry(c: ClusterRef) {
  const queryClient = useQueryClient()
  return (entry: AccessEntryDto) =>
    queryClient.setQueryData<StreamingAccessEntriesPage>(accessEntryKeys.list(c), (page) =>
      page ? { ...page, entries: page.entries.map((e) => (e.principalArn === entry.principalArn ? entry : e)) } : page,
    )
}

/** Mutation callbacks of a write to one entry: store what the server answered, then refetch the list. */
function useEntryWriteCallbacks(c: ClusterRef) {
  const invalidate = useInvalidateEntries(c)
  const store = useStoreEntry(c)
  return {
    // A delete answers { deleted }: nothing to store, the refetch drops the row.
    onSuccess: (answer: AccessEntryDto | { deleted: string }) => {
      if ('principalArn' in answer) store(answer)
    },
    onError: (error: Error) => {
      const current = staleEntryOf(error)
      if (current) store(current)
    },
    onSettled: invalidate,
  }
}

/** POST …/access-entries: create, then associate (the result says which steps applied). */
export function useGrantAccess(c: ClusterRef) {
  const invalidate = useInvalidateEntries(c)
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateAccessEntryRequest) =>
      fetchJson<z.infer<typeof grantResultSchema>>(apiPath(c, 'access-entries'), json('POST', input)),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: timeBoundKeys.cluster(c) })
      return invalidate()
    },
  })
}

/** PATCH …/access-entries/:principal (If-Match: the version the dialog showed; 412 carries the current entry). */
export function useUpdateAccessEntry(c: ClusterRef, principalArn: string) {
  return useMutation({
    mutationFn: ({ version, ...input }: Versioned<UpdateAccessEntryInput>) =>
      fetchJson<z.infer<typeof accessEntryDtoSchema>>(
        apiPath(c, 'access-entries', principalArn),
        json('PATCH', input, ifMatchHeader(version)),
      ),
    ...useEntryWriteCallbacks(c),
  })
}

/** DELETE …/access-entries/:principal */
export function useDeleteAccessEntry(c: ClusterRef) {
  return useMutation({
    mutationFn: (input: Versioned<{ principalArn: string; confirmClusterName?: string }>) =>
      fetchJson<z.infer<typeof deletedEntrySchema>>(
        apiPath(c, 'access-entries', input.principalArn),
        json('DELETE', { confirmClusterName: input.confirmClusterName }, ifMatchHeader(input.version)),
      ),
    ...useEntryWriteCallbacks(c),
  })
}

/** POST …/access-entries/:principal/policies: add a policy or change its scope. */
export function useAssociatePolicy(c: ClusterRef, principalArn: string) {
  return useMutation({
    mutationFn: ({ version, ...input }: Versioned<AssociatePolicyRequest>) =>
      fetchJson<z.infer<typeof accessEntryDtoSchema>>(
        apiPath(c, 'access-entries', principalArn, 'policies'),
        json('POST', input, ifMatchHeader(version)),
      ),
    ...useEntryWriteCallbacks(c),
  })
}

/** DELETE …/access-entries/:principal/policies/:policy */
export function useDisassociatePolicy(c: ClusterRef, principalArn: string) {
  return useMutation({
    mutationFn: (input: Versioned<{ policyArn: string; confirmClusterName?: string }>) =>
      fetchJson<z.infer<typeof accessEntryDtoSchema>>(
        apiPath(c, 'access-entries', principalArn, 'policies', input.policyArn),
        json('DELETE', { confirmClusterName: input.confirmClusterName }, ifMatchHeader(input.version)),
      ),
    ...useEntryWriteCallbacks(c),
  })
}
