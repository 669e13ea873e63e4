import { expect, type Page } from '@playwright/test'

/** The workload identity section of one cluster (locators by role and label only). */
export class WorkloadIdentityPage {
  constructor(
    readonly page: Page,
    readonly region: string,
    readonly cluster: string,
  ) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/clusters/${this.region}/${this.cluster}/workload-identity${query}`)
    await expect(this.page.getByRole('heading', { name: 'Service account role mappings' })).toBeVisible()
  }

  row(serviceAccount: string) {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: serviceAccount, exact: true }) })
  }

  associateButton() {
    return this.page.getByRole('button', { name: 'Associate role (Pod Identity)' })
  }

  irsaButton() {
    return this.page.getByRole('button', { name: 'Map role with IRSA' })
  }

  dialog() {
    return this.page.getByRole('dialog')
  }

  /** Fills the Pod Identity create form. */
  async fillAssociation(input: { namespace: string; serviceAccount: string; roleArn: string }): Promise<void> {
    const dialog = this.dialog()
    await dialog.getByLabel('Namespace', { exact: true }).selectOption(input.namespace)
    await dialog.getByLabel('Service account', { exact: true }).fill(input.serviceAccount)
    await dialog.getByLabel('IAM role ARN').fill(input.roleArn)
  }

  /** The console API path of this cluster, e.g. `apiPath('pod-identity-associations')`. */
  apiPath(...segments: string[]): string {
    return ['/api/clusters', this.region, this.cluster, ...segments.map(encodeURIComponent)].join('/')
  }
}

/** The service account page at …/resources/service-accounts/<ns>/<name>. */
export class ServiceAccountPage {
  constructor(readonly page: Page) {}

  async goto(region: string, cluster: string, namespace: string, name: string): Promise<void> {
    await this.page.goto(`/clusters/${region}/${cluster}/resources/service-accounts/${namespace}/${name}`)
    await expect(this.page.getByRole('list', { name: 'Checks' })).toBeVisible()
  }

  check(title: string) {
    return this.page.getByRole('list', { name: 'Checks' }).getByRole('listitem').filter({ hasText: title })
  }

  dialog() {
    return this.page.getByRole('dialog')
  }
}
