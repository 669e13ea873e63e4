// The aws-auth page: locators by role and label only.
import type { Page } from '@playwright/test'

export class AwsAuthPage {
  constructor(
    readonly page: Page,
    readonly region: string,
    readonly cluster: string,
  ) {}

  goto() {
    return this.page.goto(`/clusters/${this.region}/${this.cluster}/aws-auth`)
  }
  heading() {
    return this.page.getByRole('heading', { level: 2, name: 'aws-auth ConfigMap' })
  }
  table(section: 'mapRoles' | 'mapUsers' | 'mapAccounts') {
    return this.page.getByRole('table', { name: section })
  }
  row(section: 'mapRoles' | 'mapUsers', text: string) {
    return this.table(section).getByRole('row').filter({ hasText: text })
  }
  rawYaml() {
    return this.page.getByLabel('kube-system/aws-auth as YAML')
  }
  addButton() {
    return this.page.getByRole('button', { name: 'Add mapping' })
  }
  dialog() {
    return this.page.getByRole('dialog')
  }
}
