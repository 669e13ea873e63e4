import { expect, type Page } from '@playwright/test'

/** The findings page: across every cluster (`/findings`) or one cluster's Findings tab. */
export class FindingsPage {
  constructor(
    readonly page: Page,
    readonly cluster?: { region: string; name: string },
  ) {}

  path(query = ''): string {
    const base = this.cluster ? `/clusters/${this.cluster.region}/${this.cluster.name}/findings` : '/findings'
    return `${base}${query}`
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(this.path(query))
    await this.loaded()
  }

  async loaded(): Promise<void> {
    // Evaluating every cluster (when the minute-long cache is cold) takes a few seconds.
    await expect(this.page.getByRole('list', { name: 'Findings by severity' })).toBeVisible({ timeout: 30_000 })
  }

  table() {
    return this.page.getByRole('table', { name: 'Findings' })
  }

  /** The row of a finding, by text its row holds (subject, rule words). */
  row(...texts: string[]) {
    let rows = this.table().getByRole('row')
    for (const text of texts) rows = rows.filter({ hasText: text })
    return rows
  }

  severityCount(label: string) {
    return this.page.getByRole('list', { name: 'Findings by severity' }).getByRole('button', { name: label })
  }

  filter(label: 'Severity' | 'Rule' | 'Cluster' | 'Order') {
    return this.page.getByLabel(label, { exact: true })
  }

  async refresh(): Promise<void> {
    await this.page.getByRole('button', { name: 'Refresh' }).click()
    await expect(this.page.getByRole('button', { name: 'Refresh' })).toBeEnabled({ timeout: 30_000 })
  }
}
