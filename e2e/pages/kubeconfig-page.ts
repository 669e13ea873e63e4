import type { Download, Page } from '@playwright/test'

/** The Kubeconfig section of a cluster: /clusters/<region>/<name>/kubeconfig. */
export class KubeconfigPage {
  constructor(private readonly page: Page) {}

  async goto(region: string, cluster: string): Promise<void> {
    await this.page.goto(`/clusters/${region}/${cluster}/kubeconfig`)
  }

  roleArn() {
    return this.page.getByLabel('IAM role ARN')
  }

  profile() {
    return this.page.getByLabel('AWS profile')
  }

  contextName() {
    return this.page.getByLabel('Context name')
  }

  /** The generated YAML (a labelled <pre>). */
  yaml() {
    return this.page.getByLabel('kubeconfig YAML', { exact: true })
  }

  command() {
    return this.page.getByLabel('aws eks update-kubeconfig command', { exact: true })
  }

  downloadLink() {
    return this.page.getByRole('link', { name: 'Download' })
  }

  /** Clicks Download and resolves with the browser's download. */
  async download(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.downloadLink().click()])
    return download
  }
}
