import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { contentTypeRefusal, crossOriginRefusal } = await import('./same-origin')

describe('crossOriginRefusal', () => {
  it.each([
    { what: 'the same host', headers: { host: 'localhost:3000', origin: 'http://localhost:3000' }, ok: true },
    { what: 'another port', headers: { host: 'localhost:3000', origin: 'http://localhost:3001' }, ok: false },
    {
      what: 'a sibling subdomain',
      headers: { host: 'console.example.com', origin: 'https://x.example.com' },
      ok: false,
    },
    {
      what: 'behind a proxy that rewrites Host, NEXTAUTH_URL names the public host',
      headers: { host: '127.0.0.1:3000', origin: 'https://console.example.com' },
      url: 'https://console.example.com',
      ok: true,
    },
    {
      what: 'behind a proxy that sends X-Forwarded-Host',
      headers: {
        host: '127.0.0.1:3000',
        'x-forwarded-host': 'console.example.com',
        origin: 'https://console.example.com',
      },
      ok: true,
    },
    { what: 'Origin: null', headers: { host: 'localhost:3000', origin: 'null' }, ok: false },
    { what: 'an Origin that is not a URL', headers: { host: 'localhost:3000', origin: 'garbage' }, ok: false },
    { what: 'no Origin, Sec-Fetch-Site same-origin', headers: { 'sec-fetch-site': 'same-origin' }, ok: true },
    { what: 'no Origin, Sec-Fetch-Site same-site', headers: { 'sec-fetch-site': 'same-site' }, ok: false },
    { what: 'no Origin, Sec-Fetch-Site cross-site', headers: { 'sec-fetch-site': 'cross-site' }, ok: false },
    { what: 'neither (curl, a script)', headers: { host: 'localhost:3000' }, ok: true },
  ] as { what: string; headers: Record<string, string>; url?: string; ok: boolean }[])(
    '$what → allowed $ok',
    ({ headers, url, ok }) => {
      expect(crossOriginRefusal(new Headers(headers), url) === null).toBe(ok)
    },
  )
})

describe('contentTypeRefusal', () => {
  it.each([
    { type: null, ok: true },
    { type: 'application/json', ok: true },
    { type: 'Application/JSON; charset=utf-8', ok: true },
    { type: 'text/plain', ok: false },
    { type: 'text/plain;charset=UTF-8', ok: false },
    { type: 'application/x-www-form-urlencoded', ok: false },
    { type: 'multipart/form-data; boundary=x', ok: false },
    { type: 'application/json-patch+json', ok: false },
  ])('$type → allowed $ok', ({ type, ok }) => {
    expect(contentTypeRefusal(new Headers(type === null ? {} : { 'content-type': type })) === null).toBe(ok)
  })
})
