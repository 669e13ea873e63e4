// Starting local servers, shared by `npm start` and the benchmarks: pick a free port, then wait until it answers.
import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

/** A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it; another process may take it later). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/**
 * Polls `url` until it answers (any HTTP status, or only a 2xx with `requireOk`) or `timeoutMs` passes. With
 * `server`, fails as soon as that process has exited instead of waiting out the timeout.
 */
export async function waitForUrl(
  url: string,
  timeoutMs: number,
  { requireOk = false, server }: { requireOk?: boolean; server?: ChildProcess } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (server && server.exitCode !== null) throw new Error(`the process serving ${url} exited with ${server.exitCode}`)
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2_000) })
      if (!requireOk || res.ok) return
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      throw new Error(`${url} did not answer${requireOk ? ' with a 2xx status' : ''} within ${timeoutMs / 1000} s`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
