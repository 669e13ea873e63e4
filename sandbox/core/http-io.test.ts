import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readRequestBody } from './http-io'

let server: Server
let port: number
beforeAll(async () => {
  server = createServer((req, res) => {
    readRequestBody(req).then(
      (body) => res.end(JSON.stringify({ length: body.length, text: body.toString('utf8') })),
      (error: Error) => res.end(JSON.stringify({ error: error.message })),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

/** Sends `chunks` as the body (Content-Length when `framing` says so, chunked otherwise, none without chunks). */
function send(method: string, chunks: string[], framing: 'length' | 'chunked' | 'none') {
  return new Promise<{ length: number; text: string }>((resolve, reject) => {
    const headers: Record<string, string> =
      framing === 'length' ? { 'content-length': String(Buffer.byteLength(chunks.join(''))) } : {}
    const req = request({ host: '127.0.0.1', port, method, path: '/', headers, agent: false }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve(JSON.parse(text)))
    })
    req.on('error', reject)
    if (framing === 'chunked') req.setHeader('transfer-encoding', 'chunked')
    for (const chunk of chunks) req.write(chunk)
    req.end()
  })
}

describe('readRequestBody', () => {
  it('reads nothing for a request without a body (no Content-Length, no Transfer-Encoding)', async () => {
    expect(await send('GET', [], 'none')).toEqual({ length: 0, text: '' })
  })

  it('reads a body framed by Content-Length, and one sent in chunks', async () => {
    expect(await send('POST', ['{"clusterName":', '"prod-web"}'], 'length')).toEqual({
      length: 26,
      text: '{"clusterName":"prod-web"}',
    })
    expect(await send('POST', ['Action=GetCallerIdentity', '&Version=2011-06-15'], 'chunked')).toEqual({
      length: 43,
      text: 'Action=GetCallerIdentity&Version=2011-06-15',
    })
  })
})
