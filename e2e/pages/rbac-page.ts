import { expect, type Page } from '@playwright/test'

/** The RBAC section of one cluster: the lists, the role/binding/subject pages and the binding form. */
export class RbacPage {
  constructor(
    readonly page: Page,
    readonly region: string,
    readonly cluster: string,
  ) {}

  path(rest = ''): string {
    return `/clusters/${this.region}/${this.cluster}/rbac${rest}`
  }

  async goto(tab?: string): Promise<void> {
    await this.page.goto(this.path(tab ? `?tab=${tab}` : ''))
    await expect(this.page.getByRole('heading', { level: 2, name: 'RBAC' })).toBeVisible()
  }

  tab(name: string) {
    return this.page.getByRole('navigation', { name: 'RBAC kinds' }).getByRole('link', { name: new RegExp(`^${name}`) })
  }

  nameFilter() {
    return this.page.getByLabel('Name contains')
  }

  /** The data rows of the list table (the header row excluded). */
  rows() {
    return this.page
      .getByRole('region', { name: /\(scrollable\)/ })
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') })
  }

  row(text: string) {
    return this.rows().filter({ hasText: text })
  }

  /** The binding form's fields, by label. */
  field(label: string) {
    return this.page.getByLabel(label, { exact: true })
  }

  cliEcho() {
    return this.page.getByRole('figure').filter({ hasText: 'Equivalent kubectl command' })
  }
}
