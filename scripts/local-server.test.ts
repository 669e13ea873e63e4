import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import { createServer as createTcpServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'

import { findFreePort, findFreePorts, waitForUrl } from './local-server'

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))))
})

/** Serves `statuses` in turn (the last one from then on) on a free port. */
async function serve(statuses: number[]): Promise<string> {
  const port = await findFreePort()
  let calls = 0
  const server = createServer((_req, res) => {
    res.statusCode = statuses[Math.min(calls++, statuses.length - 1)] ?? 200
    res.end()
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return `http://127.0.0.1:${port}/`
}

describe('findFreePort', () => {
  it('returns a port something can listen on', async () => {
    const port = await findFreePort()
    expect(port).toBeGreaterThan(0)
    const server = createTcpServer()
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', resolve)
    })
    await new Promise((resolve) => server.close(resolve))
  })
})

describe('findFreePorts', () => {
  it('returns a run of ports that can all be listened on at once, outside the ports to avoid', async () => {
    const first = await findFreePorts(3)
    const servers = [first, first + 1, first + 2].map(() => createTcpServer())
    await Promise.all(
      servers.map(
        (server, index) =>
          new Promise<void>((resolve, reject) => {
            server.once('error', reject)
            server.listen(first + index, '127.0.0.1', resolve)
          }),
      ),
    )
    // While they are taken, a new run avoids them and the ports named to avoid.
    const other = await findFreePorts(2, [first + 3])
    expect([other, other + 1].some((port) => port >= first && port <= first + 3)).toBe(false)
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  })
})

describe('waitForUrl', () => {
  it('takes any status as an answer by default', async () => {
    await expect(waitForUrl(await serve([503]), 2_000)).resolves.toBeUndefined()
  })

  it('with requireOk, keeps polling until a 2xx', async () => {
    await expect(waitForUrl(await serve([503, 503, 200]), 5_000, { requireOk: true })).resolves.toBeUndefined()
  })

  it('with requireOk, times out when the answer never becomes a 2xx', async () => {
    await expect(waitForUrl(await serve([503]), 500, { requireOk: true })).rejects.toThrow(
      /did not answer with a 2xx status within 0.5 s/,
    )
  })

  it('times out when nothing listens', async () => {
    const url = `http://127.0.0.1:${await findFreePort()}/`
    await expect(waitForUrl(url, 500)).rejects.toThrow(/did not answer within 0.5 s/)
  })

  it('fails at once when the serving process has exited', async () => {
    const child = spawn(process.execPath, ['-e', 'process.exit(3)'])
    await new Promise((resolve) => child.once('exit', resolve))
    const url = `http://127.0.0.1:${await findFreePort()}/`
    await expect(waitForUrl(url, 60_000, { server: child })).rejects.toThrow(/exited with 3/)
  })
})
