import type { Page } from '@playwright/test'

/** The /signin page of sandbox mode. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto(callbackUrl?: string): Promise<void> {
    await this.page.goto(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/signin')
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel('Username').fill(username)
    await this.page.getByLabel('Password').fill(password)
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click()
  }

  /** The form's error; Next's empty route announcer also has role alert, hence the text filter. */
  alert() {
    return this.page.getByRole('alert').filter({ hasText: /\S/ })
  }
}
