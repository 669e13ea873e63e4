import { expect, test } from './fixtures'

// public/ is served by Next itself, yet proxy.ts runs for it too: each file must keep the security headers and must
// not start a session (a link preview bot fetches these signed out).
const assets = [
  { path: '/og-image.png', type: 'image/png' },
  { path: '/icon.svg', type: 'image/svg+xml' },
]

for (const { path, type } of assets) {
  test(`${path} is served as ${type} with the security headers and no cookie`, async ({ request }) => {
    const response = await request.get(path)
    expect(response.status()).toBe(200)
    const headers = response.headers()
    expect(headers['content-type']).toContain(type)
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['set-cookie']).toBeUndefined()
    const body = await response.body()
    if (type === 'image/png') {
      // The PNG header's IHDR chunk: width and height, big-endian, at bytes 16 and 20.
      expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([1200, 630])
    } else {
      expect(body.toString('utf8')).toMatch(/^<svg /)
    }
  })
}

test('/favicon.ico points browsers at the icon', async ({ request }) => {
  const response = await request.get('/favicon.ico', { maxRedirects: 0 })
  expect(response.status()).toBe(308)
  expect(response.headers()['location']).toBe('/icon.svg')
})

test('every page names the icon and an absolute social preview image on the console URL', async ({ page, baseURL }) => {
  await page.goto('/signin')
  const preview = new URL('/og-image.png', baseURL).href
  await expect(page.locator('head meta[property="og:image"]')).toHaveAttribute('content', preview)
  await expect(page.locator('head meta[name="twitter:image"]')).toHaveAttribute('content', preview)
  await expect(page.locator('head meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image')
  await expect(page.locator('head link[rel="icon"]')).toHaveAttribute('href', '/icon.svg')
})
