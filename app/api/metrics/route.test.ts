import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const settings = { metricsToken: undefined as string | undefined }
vi.mock('@/lib/env', () => ({ env: settings }))

const { GET } = await import('./route')
const { observeRequest } = await import('@/lib/metrics/server/observe-request')
const { observeUpstreamCall } = await import('@/lib/metrics/server/metrics-registry')

const TOKEN = 'route-test-metrics-token'
const scrape = (authorization?: string) =>
  GET(new Request('http://console.test/api/metrics', { headers: authorization ? { authorization } : {} }))

describe('GET /api/metrics', () => {
  it('is off (404) without METRICS_TOKEN, whatever the request sends', async () => {
    settings.metricsToken = undefined
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404)
  })

  it('refuses a scrape without the token (401 with a Bearer challenge)', async () => {
    settings.metricsToken = TOKEN
    for (const header of [undefined, 'Bearer wrong-token-of-some-length', TOKEN]) {
      const response = await scrape(header)
      expect(response.status, String(header)).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="metrics"')
    }
  })

  it('serves request and upstream counters by route template, with the token', async () => {
    settings.metricsToken = TOKEN
    await observeRequest(new Request('http://console.test/api/clusters/us-west-2/prod-web/pods'), async () =>
      Response.json({}, { status: 504 }),
    )
    observeUpstreamCall('eks', 'ListAccessEntries', performance.now(), { name: 'ThrottlingException' })
    const response = await scrape(`Bearer ${TOKEN}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    const text = await response.text()
    expect(text).toContain(
      'console_http_requests_total{route="/api/clusters/[region]/[cluster]/pods",method="GET",status="504"} 1',
    )
    expect(text).toContain(
      'console_upstream_calls_total{service="eks",operation="ListAccessEntries",outcome="throttled"} 1',
    )
    expect(text).not.toContain('prod-web')
  })
})
