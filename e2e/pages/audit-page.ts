import { CreateRoleCommand, DeleteRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { expect, type Page } from '@playwright/test'

import { USER_ACCESS_KEYS } from '@/sandbox/core/seed-constants'

import { SANDBOX_URL } from './access-page'

// The SDK warns about Node 20 on every client; the warning is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

const iam = () =>
  new IAMClient({ endpoint: SANDBOX_URL, region: 'us-east-1', credentials: USER_ACCESS_KEYS.admin, maxAttempts: 1 })

/** Creates an IAM role of the spec's own in the sandbox (trusting the account root) and answers its ARN. */
export async function createSandboxRole(name: string): Promise<string> {
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }],
  }
  const { Role } = await iam().send(
    new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trust) }),
  )
  if (!Role?.Arn) throw new Error('CreateRole returned no ARN')
  return Role.Arn
}

/** Deletes a role {@link createSandboxRole} made; a role already gone is fine. */
export async function deleteSandboxRole(name: string): Promise<void> {
  await iam()
    .send(new DeleteRoleCommand({ RoleName: name }))
    .catch((error: { name?: string }) => {
      if (error.name !== 'NoSuchEntityException') throw error
    })
}

/** The audit log (/audit) or one cluster's History section: the same table and filters. */
export class AuditPageObject {
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
