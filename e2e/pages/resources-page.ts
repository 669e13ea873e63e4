import { expect, type Page } from '@playwright/test'

/** The Resources section of one cluster (Pods, Nodes, Namespaces and their detail pages). */
export class ResourcesPage {
  constructor(
    readonly page: Page,
    readonly region: string,
    readonly cluster: string,
  ) {}

  path(kind: 'pods' | 'nodes' | 'namespaces', query = ''): string {
    return `/clusters/${this.region}/${this.cluster}/resources/${kind}${query}`
  }

  async goto(kind: 'pods' | 'nodes' | 'namespaces', query = ''): Promise<void> {
    await this.page.goto(this.path(kind, query))
    await expect(
      this.page.getByRole('heading', { level: 2, name: kind.charAt(0).toUpperCase() + kind.slice(1) }),
    ).toBeVisible()
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

  summary() {
    return this.page.getByRole('status').filter({ hasText: /name order|sorted/ })
  }

  statusFilter() {
    return this.page.getByLabel('Status')
  }

  nameSearch(kind: 'Pod' | 'Node' | 'Namespace') {
    return this.page.getByLabel(`${kind} name contains`)
  }
}
