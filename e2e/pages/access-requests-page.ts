import { expect, type Page } from '@playwright/test'

/** The Requests section of one cluster (list, request form, settings) and the all-clusters /requests page. */
export class AccessRequestsPage {
  constructor(
    readonly page: Page,
    readonly region: string,
    readonly cluster: string,
  ) {}

  path(...segments: string[]): string {
    return [`/clusters/${this.region}/${this.cluster}/requests`, ...segments].join('/')
  }

  async gotoList(): Promise<void> {
    await this.page.goto(this.path())
    await expect(this.page.getByRole('heading', { name: 'Access requests' })).toBeVisible()
  }

  async gotoAll(): Promise<void> {
    await this.page.goto('/requests')
    await expect(this.page.getByRole('heading', { level: 1, name: 'Access requests' })).toBeVisible()
  }

  async gotoSettings(): Promise<void> {
    await this.page.goto(this.path('settings'))
    await expect(this.page.getByRole('heading', { name: 'Time-bound access settings' })).toBeVisible()
  }

  /** Fills the request form (one policy on one namespace, a preset length, a reason). */
  async fillRequest(input: {
    principalArn: string
    policy: string
    namespace: string
    preset: string
    reason: string
  }) {
    await this.page.getByLabel('Principal ARN').fill(input.principalArn)
    await this.page.getByLabel('Access policy').selectOption({ label: input.policy })
    await this.page.getByLabel('Namespaces', { exact: true }).fill(input.namespace)
    await this.page.getByLabel('How long').selectOption({ label: input.preset })
    await this.page.getByLabel('Reason').fill(input.reason)
  }

  /** The Requests link in the top bar (its name carries the count of requests waiting for the person). */
  navLink() {
    return this.page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: /^Requests/ })
  }

  row(text: string) {
    return this.page.getByRole('row').filter({ hasText: text })
  }

  approveButton() {
    return this.page.getByRole('button', { name: /^Approve / })
  }

  dialog() {
    return this.page.getByRole('dialog')
  }
}
