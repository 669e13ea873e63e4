// The audit log end to end: an editor grants a role of this spec's own a read-only namespace policy on prod-web,
// then finds the change (who, role, action, target, result, before → after) on /audit and in prod-web's History.
// The shared sandbox keeps nothing: the entry and the role are removed afterwards.
import { DeleteAccessEntryCommand, EKSClient } from '@aws-sdk/client-eks'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

import { USER_ACCESS_KEYS } from '@/sandbox/core/seed-constants'

import { expect, test } from './fixtures'
import { GrantAccessPage } from './pages/access-page'
import { AuditPage } from './pages/audit-page'
import { createSandboxRole, deleteSandboxRole } from './support/sandbox-roles'
import { SANDBOX_URL } from './support/sandbox-url'

const cluster = { region: 'us-west-2', name: 'prod-web' }
const roleName = `audit-e2e-${Date.now()}`
const roleArn = `arn:aws:iam::111122223333:role/${roleName}`

/** Serious or critical WCAG 2 A/AA violations, in light and in dark mode. */
async function seriousViolations(page: Page) {
  const found = []
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    found.push(
      ...results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ colorScheme, id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target) })),
    )
  }
  await page.emulateMedia({ colorScheme: 'light' })
  return found
}

test.beforeAll(async () => {
  await createSandboxRole(roleName)
})

test.afterAll(async () => {
  const eks = new EKSClient({ endpoint: SANDBOX_URL, ...cluster, credentials: USER_ACCESS_KEYS.admin, maxAttempts: 1 })
  await eks
    .send(new DeleteAccessEntryCommand({ clusterName: cluster.name, principalArn: roleArn }))
    .catch((error: { name?: string }) => {
      if (error.name !== 'ResourceNotFoundException') throw error
    })
  await deleteSandboxRole(roleName)
})

test('an editor’s grant shows on the audit log and in the cluster history, with before and after', async ({
  page,
  signInAs,
}) => {
  await signInAs('editor')
  await page.goto(`/clusters/${cluster.region}/${cluster.name}/access/grant`)
  const form = new GrantAccessPage(page)
  await form.fill({ principalArn: roleArn, policy: 'AmazonEKSViewPolicy', namespaces: 'audit-e2e' })
  await form.submit()
  await expect(page.getByText('Access granted')).toBeVisible()

  await page.getByRole('link', { name: 'Audit log' }).click()
  const audit = new AuditPage(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()
  const row = audit.rows(roleName).first()
  await expect(row).toContainText('Grant access')
  await expect(row).toContainText('editor')
  await expect(row).toContainText('prod-web')
  await expect(row.getByText('succeeded')).toBeVisible()

  await audit.detailsButton(roleName).click()
  await expect(audit.detailsButton(roleName)).toHaveAttribute('aria-expanded', 'true')
  await expect(page.getByText('Before: did not exist.')).toBeVisible()
  await expect(audit.changes(roleArn)).toContainText('AmazonEKSViewPolicy')
  await expect(audit.changes(roleArn)).toContainText('"audit-e2e"')
  expect(await seriousViolations(page)).toEqual([])

  // Filters are the URL: a result that did not happen hides the row; clearing brings it back.
  await audit.filter('Result').selectOption('failed')
  await expect(page).toHaveURL(/result=failed/)
  await expect(audit.rows(roleName)).toHaveCount(0)
  await audit.filter('Result').selectOption('')
  await audit.filter('Who').fill('editor')
  await expect(page).toHaveURL(/actor=editor/)
  await expect(audit.rows(roleName).first()).toBeVisible()

  await page.getByRole('link', { name: 'prod-web' }).first().click()
  await expect(page).toHaveURL(`/clusters/${cluster.region}/${cluster.name}/history`)
  await expect(page.getByRole('link', { name: 'History', exact: true })).toHaveAttribute('aria-current', 'page')
  await expect(audit.rows(roleName).first()).toContainText('Grant access')
  expect(await seriousViolations(page)).toEqual([])
})

test('a deep link with filters opens filtered, and an unknown actor shows the filtered empty state', async ({
  page,
  signInAs,
}) => {
  await signInAs('viewer')
  const audit = new AuditPage(page)
  await audit.gotoAll(`?actor=nobody-${Date.now()}&result=partial`)
  await expect(audit.filter('Result')).toHaveValue('partial')
  await expect(page.getByText('No changes match these filters.')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page).toHaveURL(/\/audit$/)
})

test('the time range narrows the log, lives in the URL and drops its dates when left', async ({ page, signInAs }) => {
  await signInAs('viewer')
  const audit = new AuditPage(page)
  await audit.gotoAll()
  await audit.filter('When').selectOption({ label: 'Last hour' })
  await expect(page).toHaveURL(/period=1h/)
  // The grant of the first test was made minutes ago.
  await expect(audit.rows(roleName).first()).toBeVisible()

  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
  await audit.filter('When').selectOption({ label: 'Between dates…' })
  await audit.filter('From (UTC day)').fill(tomorrow)
  await expect(page).toHaveURL(new RegExp(`period=dates&from=${tomorrow}`))
  await expect(page.getByText('No changes match these filters.')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])

  await page.reload()
  await expect(audit.filter('From (UTC day)')).toHaveValue(tomorrow)
  await expect(page.getByText('No changes match these filters.')).toBeVisible()
  await audit.filter('When').selectOption({ label: 'Any time' })
  await expect(page).toHaveURL(/\/audit$/)
  await expect(audit.rows(roleName).first()).toBeVisible()
})

test('a change the console refused is listed as refused, and the Result filter finds it', async ({ signInAs }) => {
  const page = await signInAs('editor')
  // ml-auto's Auto Mode cluster role is managed by EKS: the route refuses the delete before calling AWS.
  const principal = 'arn:aws:iam::111122223333:role/AmazonEKSAutoClusterRole'
  const refused = await page.request.delete(
    `/api/clusters/us-west-2/ml-auto/access-entries/${encodeURIComponent(principal)}`,
  )
  expect(refused.status()).toBe(409)
  const audit = new AuditPage(page)
  await audit.gotoAll()
  await audit.filter('Result').selectOption('refused')
  await expect(page).toHaveURL(/result=refused/)
  const row = audit.rows('AmazonEKSAutoClusterRole').first()
  await expect(row).toContainText('Delete access entry')
  await expect(row.getByText('refused', { exact: true })).toBeVisible()
})
