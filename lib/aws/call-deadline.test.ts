import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { HttpRequest } from '@smithy/protocol-http'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { callWithDeadline, DeadlineBoundRequestHandler } = await import('./call-deadline')
const { toConsoleError } = await import('./aws-errors')

// A local HTTP server: /never holds the request open, /slow answers after 300 ms.
let server: Server
let port: number
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') setTimeout(() => res.end('{}'), 300)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const handler = new DeadlineBoundRequestHandler({ connectionTimeout: 3_000 })
const get = (path: string) =>
  handler.handle(new HttpRequest({ protocol: 'http:', hostname: '127.0.0.1', port, path, method: 'GET' }))

const expectDeadlineError = (error: unknown) => {
  expect(error).toMatchObject({ name: 'AbortError', cause: { name: 'TimeoutError' } })
  expect(toConsoleError(error, { service: 'EKS', region: 'us-west-2' }).code).toBe('upstream_timeout')
}

describe('callWithDeadline', () => {
  it("gives each attempt its own call's deadline, so one call's deadline does not abort another's request", async () => {
    const started = performance.now()
    const [short, long] = await Promise.allSettled([
      callWithDeadline(100, () => get('/never')),
      callWithDeadline(5_000, () => get('/slow')),
    ])
    expect(short.status).toBe('rejected')
    expectDeadlineError((short as PromiseRejectedResult).reason)
    expect(long).toMatchObject({ status: 'fulfilled', value: { response: { statusCode: 200 } } })
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('tears down the request in flight at the deadline', async () => {
    const closed = new Promise<void>((resolve) => server.once('request', (req) => req.socket.once('close', resolve)))
    await expect(callWithDeadline(100, () => get('/never'))).rejects.toMatchObject({ name: 'AbortError' })
    await closed
  })

  it('ends the call at the deadline even while the SDK waits between attempts', async () => {
    const started = performance.now()
    const backOff = () => new Promise((resolve) => setTimeout(resolve, 10_000))
    const error = await callWithDeadline(100, backOff).catch((e: unknown) => e)
    expectDeadlineError(error)
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('gives the answer of a call that finishes in time', async () => {
    await expect(callWithDeadline(5_000, () => get('/slow'))).resolves.toMatchObject({ response: { statusCode: 200 } })
  })
})
