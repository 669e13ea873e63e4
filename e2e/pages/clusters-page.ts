import type { Page } from '@playwright/test'

/** The cluster inventory at /clusters. */
export class ClustersPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/clusters')
  }

  table() {
    return this.page.getByRole('table', { name: 'EKS clusters across the configured regions' })
  }

  row(clusterName: string) {
    return this.table()
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: clusterName, exact: true }) })
  }

  async openCluster(clusterName: string): Promise<void> {
    await this.table().getByRole('link', { name: clusterName, exact: true }).click()
  }
}
