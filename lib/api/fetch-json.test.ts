import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'

import { ApiError } from './api-error'
import { fetchJson } from './fetch-json'

const schema = z.object({ name: z.string() })
const stubFetch = (impl: () => Promise<Response>) => vi.stubGlobal('fetch', vi.fn(impl))

afterEach(() => vi.unstubAllGlobals())

describe('fetchJson', () => {
  it('returns the parsed body', async () => {
    stubFetch(async () => Response.json({ name: 'prod-web', extra: 1 }))
    expect(await fetchJson('/api/x', {}, schema)).toEqual({ name: 'prod-web' })
  })

  it('without a schema, returns the body as the server sent it (how pages call it)', async () => {
    stubFetch(async () => Response.json({ name: 'prod-web', extra: 1 }))
    expect(await fetchJson<{ name: string }>('/api/x')).toEqual({ name: 'prod-web', extra: 1 })
  })

  it('without a schema, still throws the error answer as ApiError', async () => {
    stubFetch(async () => Response.json({ error: { code: 'forbidden', message: 'No.' } }, { status: 403 }))
    await expect(fetchJson('/api/x')).rejects.toMatchObject({ status: 403, code: 'forbidden' })
  })

  it.each([
    {
      name: 'error body',
      response: () => Response.json({ error: { code: 'forbidden', message: 'No.' } }, { status: 403 }),
      expected: { status: 403, code: 'forbidden', message: 'No.', isClientError: true },
    },
    {
      name: 'issues',
      response: () =>
        Response.json(
          { error: { code: 'validation_failed', message: 'Bad', issues: [{ path: ['a'], message: 'x' }] } },
          { status: 422 },
        ),
      expected: { status: 422, code: 'validation_failed', issues: [{ path: ['a'], message: 'x' }] },
    },
    {
      name: 'non-JSON error',
      response: () => new Response('<html>Bad gateway</html>', { status: 502 }),
      expected: { status: 502, code: 'invalid_response', isClientError: false },
    },
    {
      name: 'body not matching the schema',
      response: () => Response.json({ name: 7 }),
      expected: { status: 200, code: 'invalid_response' },
    },
  ])('throws ApiError for $name', async ({ response, expected }) => {
    stubFetch(async () => response())
    const error = await fetchJson('/api/x', {}, schema).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject(expected)
  })

  it('reports an unreachable server as network_error', async () => {
    stubFetch(async () => Promise.reject(new TypeError('fetch failed')))
    await expect(fetchJson('/api/x', {}, schema)).rejects.toMatchObject({ status: 0, code: 'network_error' })
  })
})
