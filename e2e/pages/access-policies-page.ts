import { expect, type Page } from '@playwright/test'

/** The access-policy catalogue at /access-policies. */
export class AccessPoliciesPage {
  constructor(readonly page: Page) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/access-policies${query}`)
    await expect(this.page.getByRole('heading', { level: 1, name: 'Access policies' })).toBeVisible()
  }

  policyTable() {
    return this.page.getByRole('table', { name: 'Access policies' })
  }

  policyLink(name: string) {
    return this.policyTable().getByRole('link', { name, exact: true })
  }

  /** The detail panel's heading (the selected policy's name). */
  detailHeading(name: string) {
    return this.page.getByRole('heading', { level: 2, name, exact: true })
  }

  rulesTable(name: string) {
    return this.page.getByRole('table', { name: `Kubernetes rules of ${name}` })
  }

  search() {
    return this.page.getByRole('searchbox', { name: 'Search policies' })
  }

  category() {
    return this.page.getByRole('combobox', { name: 'Category' })
  }
}
