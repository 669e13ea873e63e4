import { expect, type Page } from '@playwright/test'

/** The audit log (/audit) or one cluster's History section: the same table and filters. */
export class AuditPage {
  constructor(readonly page: Page) {}

  async gotoAll(query = ''): Promise<void> {
    await this.page.goto(`/audit${query}`)
    await expect(this.page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()
  }

  async gotoHistory(region: string, cluster: string): Promise<void> {
    await this.page.goto(`/clusters/${region}/${cluster}/history`)
    await expect(this.page.getByRole('heading', { name: 'History' })).toBeVisible()
  }

  table() {
    return this.page.getByRole('table', { name: 'Audit events, newest first' })
  }

  /** The event rows mentioning `text` (a principal name, say). */
  rows(text: string) {
    return this.table().getByRole('row').filter({ hasText: text })
  }

  detailsButton(text: string) {
    return this.rows(text)
      .first()
      .getByRole('button', { name: /^Details of/ })
  }

  /** The before → after diff of an expanded row. */
  changes(target: string) {
    return this.page.getByLabel(`Changes to ${target}`)
  }

  filter(name: 'Who' | 'Cluster' | 'Action' | 'Result' | 'When' | 'From (UTC day)' | 'To (UTC day, included)') {
    return this.page.getByRole('search', { name: 'Filter the audit log' }).getByLabel(name, { exact: true })
  }

  loadOlder() {
    return this.page.getByRole('button', { name: 'Load older' })
  }
}
