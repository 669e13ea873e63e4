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

  /** The principal ARNs of the described rows, top to bottom (placeholders left out). */
  shownArns(): Promise<string[]> {
    return this.page
      .locator('tbody tr[data-principal-arn]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-principal-arn') ?? ''))
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

  /** How long: a preset by its label, or a custom end `seconds` from now (in the browser's own time zone). */
  async chooseDuration(choice: { preset: string } | { secondsFromNow: number }): Promise<void> {
    const howLong = this.page.getByLabel('How long')
    if ('preset' in choice) return void (await howLong.selectOption({ label: choice.preset }))
    await howLong.selectOption({ label: 'Until a date and time…' })
    const local = await this.page.evaluate((seconds) => {
      const end = new Date(Date.now() + seconds * 1000)
      return new Date(end.getTime() - end.getTimezoneOffset() * 60_000).toISOString().slice(0, 19)
    }, choice.secondsFromNow)
    await this.page.getByLabel('Ends at (your local time)').fill(local)
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Create entry' }).click()
  }
}
