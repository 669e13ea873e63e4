import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'

import { createClusterListeners, type ClusterListeners } from './cluster-listeners'
import { loadOrCreateKubeTls } from './tls'

const tls = loadOrCreateKubeTls()
const opened: ClusterListeners[] = []
const blockers: Server[] = []

afterEach(async () => {
  await Promise.all(opened.splice(0).map((l) => l.close()))
  await Promise.all(blockers.splice(0).map((s) => new Promise((r) => s.close(r))))
})

function listeners(basePort: number): ClusterListeners {
  const l = createClusterListeners({
    host: '127.0.0.1',
    urlHost: '127.0.0.1',
    basePort,
    tls: { cert: tls.serverCertPem, key: tls.serverKeyPem },
    serve: (_c, _req, res) => res.end(),
  })
  opened.push(l)
  return l
}

/** Holds a port so nothing else can bind it (the "taken port" case). */
async function block(port: number): Promise<boolean> {
  const s = createServer()
  const ok = await new Promise<boolean>((resolve) => {
    s.once('error', () => resolve(false))
    s.listen(port, '127.0.0.1', () => resolve(true))
  })
  if (ok) blockers.push(s)
  return ok
}

/** A base port P whose P+1..P+n are free right now (checked by binding them; released before use). */
async function findFreeRun(n: number): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 20_000)
    const held: Server[] = []
    let free = true
    for (let i = 1; i <= n && free; i++) {
      const s = createServer()
      free = await new Promise<boolean>((resolve) => {
        s.once('error', () => resolve(false))
        s.listen(base + i, '127.0.0.1', () => resolve(true))
      })
      if (free) held.push(s)
    }
    await Promise.all(held.map((s) => new Promise((r) => s.close(r))))
    if (free) return base
  }
  throw new Error('no free run of ports')
}

const PORT = (endpoint: string) => Number(new URL(endpoint).port)

describe('per-cluster listeners', () => {
  it('hands out base+1, base+2, … in opening order, and the same endpoint again for a known cluster', async () => {
    const base = await findFreeRun(3)
    const l = listeners(base)
    const a = await l.open({ region: 'eu-west-1', name: 'a' })
    const b = await l.open({ region: 'us-west-2', name: 'b' })
    expect([PORT(a), PORT(b)]).toEqual([base + 1, base + 2])
    expect(await l.open({ region: 'eu-west-1', name: 'a' })).toBe(a)
    expect(l.endpointFor({ region: 'us-west-2', name: 'b' })).toBe(`https://127.0.0.1:${base + 2}`)
  })

  it('keeps a saved port and skips it when numbering the others', async () => {
    const base = await findFreeRun(3)
    const l = listeners(base)
    expect(PORT(await l.open({ region: 'r', name: 'saved' }, base + 1))).toBe(base + 1)
    expect(PORT(await l.open({ region: 'r', name: 'next' }))).toBe(base + 2)
  })

  it('falls back to a free port when the numbered one is taken', async () => {
    const base = await findFreeRun(1)
    expect(await block(base + 1)).toBe(true)
    const port = PORT(await listeners(base).open({ region: 'r', name: 'c' }))
    expect(port).not.toBe(base + 1)
    expect(port).toBeGreaterThan(0)
  })

  it('uses OS-assigned ports when the shared port is free-chosen, and refuses to open after close', async () => {
    const l = listeners(0)
    const [a, b] = await Promise.all([l.open({ region: 'r', name: 'a' }), l.open({ region: 'r', name: 'b' })])
    expect(PORT(a)).not.toBe(PORT(b))
    await l.close()
    await expect(l.open({ region: 'r', name: 'late' })).rejects.toThrow('closed')
  })
})
