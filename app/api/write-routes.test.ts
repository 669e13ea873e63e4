import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Session } from 'next-auth'
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const getConsoleSession = vi.fn<() => Promise<Session | null>>()
vi.mock('@/lib/auth/server/session', () => ({ getConsoleSession }))

// Every route file under app/api, found on disk, so a new write route cannot be left out of this table.
const apiDir = join(import.meta.dirname)
const routeFiles = (readdirSync(apiDir, { recursive: true }) as string[])
  .filter((file) => file.endsWith('route.ts'))
  // next-auth's own sign-in/sign-out handlers: they check next-auth's CSRF token, not the console's wrapper.
  .filter((file) => !file.startsWith(join('auth', '[...nextauth]')))
  .sort()

const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>

// Plausible values for every dynamic segment, so a route that skipped the checks would get far enough to run.
const paramValues: Record<string, string> = {
  region: 'us-west-2',
  cluster: 'prod-web',
  principal: 'arn:aws:iam::111122223333:role/TeamADeveloper',
  policy: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
  namespace: 'default',
  name: 'app',
  associationId: 'a-0123456789abcdef0',
  updateId: 'u-1',
}
const paramsOf = (file: string) =>
  Object.fromEntries([...file.matchAll(/\[(\w+)\]/g)].map(([, key]) => [key!, paramValues[key!] ?? 'x']))

const writeHandlers = await Promise.all(
  routeFiles.map(async (file) => {
    const mod = (await import(`./${file.split('\\').join('/')}`)) as Record<string, Handler | undefined>
    return WRITE_METHODS.filter((method) => mod[method]).map((method) => ({
      route: `${method} /api/${relative('.', file).replace(/\/?route\.ts$/, '')}`,
      method,
      handler: mod[method]!,
      params: paramsOf(file),
    }))
  }),
).then((lists) => lists.flat())

const call = (
  { handler, method, params }: (typeof writeHandlers)[number],
  headers: Record<string, string>,
  body?: BodyInit,
) =>
  handler(
    new Request('http://localhost:3300/api/x', { method, headers: { host: 'localhost:3300', ...headers }, body }),
    {
      params: Promise.resolve(params),
    },
  )

beforeEach(() => {
  getConsoleSession.mockReset().mockResolvedValue({
    expires: '2099-01-01T00:00:00Z',
    user: { name: 'admin', email: null, role: 'admin' },
  })
})

describe('every write route', () => {
  it('is found (the glob works)', () => {
    expect(writeHandlers.length).toBeGreaterThanOrEqual(15)
    expect(writeHandlers.map((w) => w.route)).toContain('POST /api/clusters/[region]/[cluster]/access-entries')
  })

  it.each(writeHandlers)('$route refuses a cross-site Origin with 403 before anything runs', async (write) => {
    const response = await call(write, { origin: 'http://localhost:3301', 'content-type': 'application/json' }, '{}')
    expect(response.status).toBe(403)
    expect((await response.json()).error.message).toMatch(/own pages/)
    expect(getConsoleSession).not.toHaveBeenCalled()
  })

  it.each(writeHandlers)('$route refuses a text/plain body with 415 before anything runs', async (write) => {
    const response = await call(write, { origin: 'http://localhost:3300', 'content-type': 'text/plain' }, '{}')
    expect(response.status).toBe(415)
    expect((await response.json()).error.code).toBe('unsupported_media_type')
    expect(getConsoleSession).not.toHaveBeenCalled()
  })

  // A 2 MB JSON body: by its Content-Length, and as a stream without one (chunked), read only up to the limit.
  const big = JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) })
  const json = { origin: 'http://localhost:3300', 'content-type': 'application/json' }

  it.each(writeHandlers)('$route refuses a body over 1 MB with 413, by Content-Length', async (write) => {
    const response = await call(write, { ...json, 'content-length': String(big.length) }, big)
    expect(response.status).toBe(413)
    expect((await response.json()).error).toEqual({
      code: 'payload_too_large',
      message: 'The request body is larger than 1 MB.',
    })
  })

  it.each(writeHandlers)('$route refuses a chunked body over 1 MB with 413, counting while reading', async (write) => {
    let pulled = 0
    const chunk = new TextEncoder().encode(big.slice(0, 64 * 1024))
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength
        if (pulled > 4 * 1024 * 1024) controller.close()
        else controller.enqueue(chunk)
      },
    })
    const response = await write.handler(
      new Request('http://localhost:3300/api/x', {
        method: write.method,
        headers: { host: 'localhost:3300', ...json },
        body: stream,
        duplex: 'half',
      } as RequestInit),
      { params: Promise.resolve(write.params) },
    )
    expect(response.status).toBe(413)
    expect((await response.json()).error.code).toBe('payload_too_large')
    // It stopped reading soon after the limit instead of buffering the whole body.
    expect(pulled).toBeLessThan(2 * 1024 * 1024)
  })
})
