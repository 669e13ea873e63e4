// Starting local servers, shared by `npm start` and the benchmarks: pick a free port, then wait until it answers.
import type { ChildProcess } from 'node:child_process'
import { createServer, type Server } from 'node:net'

/** A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it; another process may take it later). */
export function findFreePort(): Promise<number> {
  return findFreePorts(1)
}

/**
 * The first of `count` consecutive free ports on 127.0.0.1 (the sandbox listens on its port and the next one), none of
 * them in `avoid`. All of them are held at once while checked, so two calls in a row cannot hand out overlapping runs.
 */
export async function findFreePorts(count: number, avoid: readonly number[] = []): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = await listenOn(0)
    const held = [first]
    try {
      const port = portOf(first)
      if (avoid.includes(port)) continue
      let complete = true
      for (let next = port + 1; next < port + count && complete; next++) {
        const server = avoid.includes(next) ? undefined : await listenOn(next).catch(() => undefined)
        if (server) held.push(server)
        else complete = false
      }
      if (complete) return port
    } finally {
      await Promise.all(held.map((server) => new Promise((resolve) => server.close(resolve))))
    }
  }
  throw new Error(`no run of ${count} free ports on 127.0.0.1 after 50 tries`)
}

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}

function portOf(server: Server): number {
  const address = server.address()
  return typeof address === 'object' && address ? address.port : 0
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
