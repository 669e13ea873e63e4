// Console sign-in through a real OIDC provider: next-auth's OIDC client against the sandbox's issuer (code flow with
// PKCE, over the sandbox CA the launcher makes the console trust). Each role comes from the groups claim; a person
// whose groups grant no role is refused with an explanation; sign-out ends the session.
import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'
import { SANDBOX_ISSUER } from './support/oidc-issuer'

// The browser meets the issuer's sign-in page on the sandbox's HTTPS port, whose CA only Node was told to trust.
test.use({ ignoreHTTPSErrors: true })

async function signInWithSso(page: Page, email: string, password: string) {
  await page.goto('/signin')
  await page.getByRole('button', { name: 'Sign in with Example Corp SSO (sandbox)' }).click()
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX_ISSUER.replace(/[.]/g, '\\.')}/authorize`))
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

for (const [email, password, name, role] of [
  ['alice@example.com', 'alice-sandbox', 'Alice Platform', 'admin'],
  ['dev@example.com', 'dev-sandbox', 'Dana Developer', 'editor'],
  ['auditor@example.com', 'auditor-sandbox', 'Avery Auditor', 'viewer'],
] as const) {
  test(`${email} signs in through the IdP and is ${role} (groups claim), then signs out`, async ({ page }) => {
    await signInWithSso(page, email, password)
    await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible()
    const who = page.getByRole('banner').getByText('Signed in as').locator('..')
    await expect(who).toContainText(name)
    await expect(who).toContainText(`console role: ${role}`)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(/\/signin/)
    await page.goto('/clusters')
    await expect(page).toHaveURL(/\/signin/)
  })
}

test('a person whose groups grant no console role is refused with an explanation', async ({ page }) => {
  await signInWithSso(page, 'guest@example.com', 'guest-sandbox')
  await expect(page).toHaveURL(/\/signin\?error=NoConsoleRole/)
  await expect(page.getByRole('alert').filter({ hasText: 'none of your identity-provider groups' })).toBeVisible()
  await page.goto('/clusters')
  await expect(page).toHaveURL(/\/signin/)
})

test('the IdP refuses a wrong password on its own page; the console stays signed out', async ({ page }) => {
  await signInWithSso(page, 'alice@example.com', 'wrong')
  await expect(page.getByRole('alert')).toContainText('Wrong email or password.')
})
