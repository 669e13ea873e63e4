import { expect, SANDBOX_PASSWORD, test } from './fixtures'
import { SignInPage } from './pages/sign-in-page'

// Every response carries the security headers: a page, an API answer and a static file.
const expectSecurityHeaders = (headers: Record<string, string>, what: string) => {
  const csp = headers['content-security-policy'] ?? ''
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? ''
  expect(scriptSrc, what).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/)
  expect(scriptSrc, what).not.toContain('unsafe-inline')
  expect(scriptSrc, what).not.toContain('unsafe-eval')
  expect(csp, what).toContain("frame-ancestors 'none'")
  expect(headers['x-frame-options'], what).toBe('DENY')
  expect(headers['x-content-type-options'], what).toBe('nosniff')
  expect(headers['referrer-policy'], what).toBe('same-origin')
  // Served over plain http: no HSTS.
  expect(headers['strict-transport-security'], what).toBeUndefined()
}

test('a page, an API answer and a static file carry the security headers; HSTS only over https', async ({
  page,
  request,
}) => {
  const signin = await request.get('/signin')
  expect(signin.status()).toBe(200)
  expectSecurityHeaders(signin.headers(), 'page')
  const html = await signin.text()
  const asset = html.match(/\/_next\/static\/[^"']+\.js/)?.[0]
  expect(asset, 'a script of the page').toBeTruthy()

  const api = await request.get('/api/session/whoami')
  expectSecurityHeaders(api.headers(), 'API')
  const staticFile = await request.get(asset!)
  expect(staticFile.status()).toBe(200)
  expectSecurityHeaders(staticFile.headers(), 'static file')

  const viaTls = await request.get('/signin', { headers: { 'x-forwarded-proto': 'https' } })
  expect(viaTls.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')

  // The theme script runs under the CSP only because it carries this response's nonce.
  await page.emulateMedia({ colorScheme: 'dark' })
  const response = await page.goto('/signin')
  const nonce = /'nonce-([^']+)'/.exec(response!.headers()['content-security-policy'] ?? '')?.[1]
  await expect(page.locator('html')).toHaveClass(/\bdark\b/)
  expect(
    await page
      .locator('head script:not([src])')
      .first()
      .evaluate((s: HTMLScriptElement) => s.nonce),
  ).toBe(nonce)
})

test.describe('a page framed by another origin', () => {
  // Chromium logs the refused frame as an error.
  test.use({ allowConsoleErrors: [/frame|Refused/i] })

  test('is refused: the frame stays empty', async ({ page, signInAs, baseURL }) => {
    await signInAs('editor')
    await page.route('http://attacker.test/', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><iframe id="f" src="${baseURL}/clusters/us-west-2/prod-web/access"></iframe>`,
      }),
    )
    await page.goto('http://attacker.test/')
    const frame = page.frameLocator('#f')
    await page.waitForTimeout(1_000)
    await expect(frame.getByRole('button', { name: /grant/i })).toHaveCount(0)
    await expect(frame.getByRole('heading', { level: 1 })).toHaveCount(0)
  })
})

test.describe('a URL with a %-escape that does not decode', () => {
  // The document answers 400, which Chromium logs as a failed resource load.
  test.use({ allowConsoleErrors: [/400/] })

  test('answers 400: JSON for the API, a page for the browser, even signed out', async ({ page, request }) => {
    const api = await request.get('/api/clusters/us-west-2/prod-web/access-entries/%E0%A4%A')
    expect(api.status()).toBe(400)
    expect(await api.json()).toEqual({
      error: { code: 'bad_request', message: expect.stringMatching(/does not decode/) },
    })
    expectSecurityHeaders(api.headers(), 'API 400')

    const response = await page.goto('/clusters/us-west-2/prod-web/access/%E0%A4%A')
    expect(response?.status()).toBe(400)
    await expect(page.getByRole('heading', { name: 'Bad request' })).toBeVisible()
  })
})

test('an odd callbackUrl on sign-in is not a 500: it falls back to the clusters', async ({ page, request }) => {
  const evil = 'http://localhost:3300.evil.example/'
  for (const path of [
    `/signin?callbackUrl=${encodeURIComponent(evil)}`,
    `/api/auth/signin?callbackUrl=${encodeURIComponent(evil)}`,
  ]) {
    const response = await request.get(path, { maxRedirects: 0 })
    expect(response.status(), path).toBeLessThan(500)
    // next-auth must not call it a misconfigured server.
    expect(response.headers()['location'] ?? '', path).not.toContain('error=Configuration')
  }
  // A script signing in with the odd callbackUrl (next-auth's own sign-in POST for the sandbox provider, with its CSRF
  // token): it used to answer 500.
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string }
  const posted = await request.post('/api/auth/callback/sandbox', {
    form: { csrfToken, username: 'viewer', password: SANDBOX_PASSWORD, callbackUrl: evil, json: 'true' },
    maxRedirects: 0,
  })
  expect(posted.status()).toBeLessThan(500)
  expect(((await posted.json()) as { url: string }).url).toMatch(/^http:\/\/localhost:\d+\/clusters$/)

  const signIn = new SignInPage(page)
  await signIn.goto(evil)
  await signIn.signIn('viewer', SANDBOX_PASSWORD)
  await expect(page).toHaveURL(/\/clusters$/)
})
