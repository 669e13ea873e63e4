import { describe, expect, it } from 'vitest'

import { contentSecurityPolicy, newNonce, securityHeaders, servedOverHttps } from './security-headers'

const scriptSrc = (csp: string) => csp.split('; ').find((d) => d.startsWith('script-src '))

describe('contentSecurityPolicy', () => {
  it.each([
    { development: false, script: "script-src 'self' 'nonce-abc' 'strict-dynamic'" },
    { development: true, script: "script-src 'self' 'nonce-abc' 'strict-dynamic' 'unsafe-eval'" },
  ])('development=$development → $script', ({ development, script }) => {
    const csp = contentSecurityPolicy({ nonce: 'abc', https: false, development })
    expect(scriptSrc(csp)).toBe(script)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('upgrade-insecure-requests')
  })
})

describe('securityHeaders', () => {
  it.each([
    { https: false, hsts: undefined },
    { https: true, hsts: 'max-age=31536000; includeSubDomains' },
  ])('https=$https → HSTS $hsts', ({ https, hsts }) => {
    const headers = securityHeaders({ nonce: 'n', https, development: false })
    expect(headers['Strict-Transport-Security']).toBe(hsts)
    expect(headers).toMatchObject({
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    })
  })
})

describe('servedOverHttps', () => {
  it.each([
    { protocol: 'http:', forwarded: null, url: undefined, https: false },
    { protocol: 'https:', forwarded: null, url: undefined, https: true },
    { protocol: 'http:', forwarded: 'https', url: undefined, https: true },
    { protocol: 'http:', forwarded: 'https, http', url: undefined, https: true },
    { protocol: 'http:', forwarded: 'http', url: 'http://localhost:3000', https: false },
    { protocol: 'http:', forwarded: null, url: 'https://console.example.com', https: true },
  ])('$protocol / X-Forwarded-Proto $forwarded / NEXTAUTH_URL $url → $https', ({ protocol, forwarded, url, https }) => {
    expect(servedOverHttps(protocol, forwarded, url)).toBe(https)
  })
})

it('newNonce gives 128 random bits, different each time', () => {
  const a = newNonce()
  expect(atob(a)).toHaveLength(16)
  expect(newNonce()).not.toBe(a)
})
