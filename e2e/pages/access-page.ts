import { expect, type Page } from '@playwright/test'

/** The console's sandbox on the port playwright.config.ts starts it on (fault injection goes to its admin API). */
export const SANDBOX_URL = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 4610}`

/** Signs in as one of the sandbox users (admin, editor, viewer). */
export async function signIn(page: Page, user: 'admin' | 'editor' | 'viewer'): Promise<void> {
  await page.goto('/signin')
  await page.getByLabel('Username').fill(user)
  await page.getByLabel('Password').fill('sandbox')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page).toHaveURL(/\/clusters/)
}

/** The access section of one cluster. */
export class AccessPageObject {
  constructor(
    readonly page: Page,
    readonly region: string,
    readonly cluster: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`/clusters/${this.region}/${this.cluster}/access`)
    await expect(this.page.getByRole('heading', { name: 'Access entries' })).toBeVisible()
  }

  row(principalName: string) {
    return this.page.getByRole('row').filter({ hasText: principalName })
  }

  deleteButton(principalName: string) {
    return this.page.getByRole('button', { name: `Delete ${principalName}`, exact: true })
  }

  editButton(principalName: string) {
    return this.page.getByRole('button', { name: `Edit ${principalName}`, exact: true })
  }

  grantLink() {
    return this.page.getByRole('link', { name: 'Grant access' })
  }

  dialog() {
    return this.page.getByRole('dialog')
  }

  /** The access-entries API path of this cluster. */
  apiPath(...segments: string[]): string {
    return ['/api/clusters', this.region, this.cluster, 'access-entries', ...segments.map(encodeURIComponent)].join('/')
  }
}

/** The grant form at …/access/grant. */
export class GrantFormObject {
  constructor(readonly page: Page) {}

  async fill(input: { principalArn: string; policy: string; namespaces?: string }): Promise<void> {
    await this.page.getByLabel('Principal ARN').fill(input.principalArn)
    await this.page.getByRole('button', { name: 'Add an access policy' }).click()
    await this.page.getByLabel('Access policy').selectOption({ label: input.policy })
    if (input.namespaces) await this.page.getByLabel('Namespaces', { exact: true }).fill(input.namespaces)
    else await this.page.getByRole('radio', { name: 'Whole cluster' }).check()
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Create entry' }).click()
  }
}
