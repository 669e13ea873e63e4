import { expect, type Page } from '@playwright/test'

/** The access section of one cluster. */
export class AccessPage {
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
export class GrantAccessPage {
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
