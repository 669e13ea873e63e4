import { test as base, expect, type Page } from '@playwright/test'

import { SignInPage } from './pages/sign-in-page'

export type ConsoleUser = 'admin' | 'editor' | 'viewer'

/** The seeded sandbox console users all share this password (README: "The sandbox"). */
export const SANDBOX_PASSWORD = 'sandbox'

interface Fixtures {
  /** Browser console errors a test expects (e.g. the 401 a refused sign-in logs); anything else fails the test. */
  allowConsoleErrors: RegExp[]
  signInAs: (user: ConsoleUser) => Promise<Page>
}

export const test = base.extend<Fixtures>({
  allowConsoleErrors: [[], { option: true }],
  page: async ({ page, allowConsoleErrors }, use) => {
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      const text = message.text()
      if (!allowConsoleErrors.some((pattern) => pattern.test(text))) errors.push(text)
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await use(page)
    expect(errors, 'the browser logged errors').toEqual([])
  },
  signInAs: async ({ page }, use) => {
    await use(async (user) => {
      const signIn = new SignInPage(page)
      await signIn.goto()
      await signIn.signIn(user, SANDBOX_PASSWORD)
      await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible()
      return page
    })
  },
})

export { expect }
