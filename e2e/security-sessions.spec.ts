import { expect, test } from './fixtures'
import { SignInPage } from './pages/sign-in-page'
import { SANDBOX_URL } from './support/sandbox-url'

test.afterEach(async ({ request }) => {
  await request.delete(`${SANDBOX_URL}/_sandbox/faults`)
})

test.describe('under a fault', () => {
  // The failed list is a 5xx the browser logs as a failed resource load; that is the fault this test injects.
  test.use({ allowConsoleErrors: [/Failed to load resource: the server responded with a status of 5\d\d/] })

  test('the access page shows its error panel within 2 s of navigation, with Retry', async ({
    page,
    request,
    signInAs,
  }) => {
    await signInAs('viewer')
    await request.put(`${SANDBOX_URL}/_sandbox/faults`, {
      data: { faults: [{ service: 'eks', operation: 'ListAccessEntries', kind: 'error', status: 500 }] },
    })
    await page.goto('/clusters/us-west-2/prod-web/access')
    // A behaviour bound, not a speed target: before, client retries kept the content area empty for 8–10 s.
    const panel = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry' }) })
    await expect(panel).toBeVisible({ timeout: 2000 })
    await request.delete(`${SANDBOX_URL}/_sandbox/faults`)
    await panel.getByRole('button', { name: 'Retry' }).click()
    await expect(page.getByRole('row').filter({ hasText: 'TeamADeveloper' })).toBeVisible()
  })
})

test('the session cookie is SameSite=Strict, HttpOnly, and its token expires in 8 h', async ({ page, signInAs }) => {
  await signInAs('viewer')
  const cookie = (await page.context().cookies()).find((c) => c.name === 'next-auth.session-token')
  expect(cookie).toMatchObject({ sameSite: 'Strict', httpOnly: true })
  const hours = ((cookie?.expires ?? 0) - Date.now() / 1000) / 3600
  expect(hours).toBeGreaterThan(7.9)
  expect(hours).toBeLessThanOrEqual(8)
})

test('after sign-out, a copy of the old cookie gets 401 on whoami and on a PATCH', async ({
  page,
  signInAs,
  browser,
}) => {
  await signInAs('editor')
  const saved = (await page.context().cookies()).filter((c) => c.name === 'next-auth.session-token')
  expect(saved).toHaveLength(1)
  expect((await page.request.get('/api/session/whoami')).status()).toBe(200)
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/signin/)

  const copy = await browser.newContext({ baseURL: new URL(page.url()).origin })
  try {
    await copy.addCookies(saved)
    expect((await copy.request.get('/api/session/whoami')).status()).toBe(401)
    const principal = encodeURIComponent('arn:aws:iam::111122223333:role/TeamADeveloper')
    const patch = await copy.request.patch(`/api/clusters/us-west-2/prod-web/access-entries/${principal}`, {
      data: { kubernetesGroups: ['stolen'] },
      headers: { origin: new URL(page.url()).origin },
    })
    expect(patch.status()).toBe(401)
    const pageWithCopy = await copy.newPage()
    await pageWithCopy.goto('/clusters')
    await expect(pageWithCopy).toHaveURL(/\/signin\?callbackUrl=/)
  } finally {
    await copy.close()
  }
})

test.describe('sign-in limit', () => {
  // Each refused sign-in is a 401 from next-auth's callback, which the browser logs.
  test.use({ allowConsoleErrors: [/status of 401/] })

  test('the sixth failed attempt for one user name is told to wait', async ({ page }) => {
    // A user name and client address of this run only: the counts persist in the audit store for 15 minutes, and the
    // rest of the suite signs in from 127.0.0.1. (Next keeps a client's X-Forwarded-For; see sign-in-limit.ts.)
    const user = `mallory-${Date.now()}`
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250) + 1}` })
    const signIn = new SignInPage(page)
    await signIn.goto()
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn.signIn(user, 'guess')
      await expect(signIn.alert()).toHaveText('Wrong username or password.')
      await page.getByLabel('Password').fill('')
    }
    await signIn.signIn(user, 'guess')
    await expect(signIn.alert()).toHaveText('Too many sign-in attempts. Try again in 15 minutes.')
  })
})

test('/signin/continue (where OIDC sign-in lands) moves on to an app path only', async ({ page, signInAs }) => {
  await signInAs('viewer')
  await page.goto('/signin/continue?to=%2Fclusters%2Fus-west-2%2Fprod-web%2Faccess')
  await expect(page).toHaveURL(/\/clusters\/us-west-2\/prod-web\/access$/)
  await expect(page.getByRole('heading', { name: 'Access entries' })).toBeVisible()
  await page.goto('/signin/continue?to=https%3A%2F%2Fevil.example%2F')
  await expect(page).toHaveURL(/\/clusters$/)
})
