import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { safeRedirectUrl } = await import('./safe-redirect')

const base = 'http://localhost:3300'

describe('safeRedirectUrl', () => {
  it.each([
    { url: '/clusters/us-west-2/prod-web', to: `${base}/clusters/us-west-2/prod-web` },
    { url: `${base}/audit?x=1`, to: `${base}/audit?x=1` },
    { url: 'http://localhost:3300.evil.example/', to: `${base}/clusters` },
    { url: 'http://localhost:3301/', to: `${base}/clusters` },
    { url: 'https://evil.example/', to: `${base}/clusters` },
    { url: '//evil.example/x', to: `${base}/clusters` },
    { url: '/\\evil.example', to: `${base}/clusters` },
    { url: 'not a url', to: `${base}/clusters` },
    { url: 'http://[::1', to: `${base}/clusters` },
  ])('$url → $to', ({ url, to }) => {
    expect(safeRedirectUrl(url, base)).toBe(to)
  })
})
