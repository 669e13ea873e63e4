// axe-core over the workload identity pages, light and dark: no serious or critical WCAG 2 A/AA violation. Read-only.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'
import { ServiceAccountPage, WorkloadIdentityPage } from './pages/workload-identity-page'

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target) }))
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`workload identity in ${colorScheme} mode`, () => {
    test.use({ colorScheme })

    test('the mapping page and the create dialog', async ({ signInAs }) => {
      const page = await signInAs('editor')
      const wi = new WorkloadIdentityPage(page, 'us-west-2', 'prod-web')
      await wi.goto()
      await expect(wi.row('reports-job')).toBeVisible()
      expect(await seriousViolations(page)).toEqual([])
      await wi.associateButton().click()
      await wi.dialog().getByRole('button', { name: 'Create association' }).click()
      await expect(wi.dialog().getByText('Enter the namespace.')).toBeVisible()
      // A session policy with session tags still on: the field's own error.
      await wi.dialog().getByLabel('Session policy (optional)').fill('{"Statement":{"Effect":"Allow","Action":"s3:*"}}')
      await wi.dialog().getByRole('button', { name: 'Create association' }).click()
      await expect(wi.dialog().getByText(/A session policy needs session tags turned off/)).toBeVisible()
      expect(await seriousViolations(page)).toEqual([])
    })

    test('the service account page and the trust fix diff', async ({ signInAs }) => {
      const page = await signInAs('editor')
      await page.goto('/clusters/us-west-2/prod-web/resources/service-accounts/reports/reports-job')
      const sa = new ServiceAccountPage(page)
      const check = sa.check('Role trusts EKS Pod Identity')
      await expect(check.getByText('Failing')).toBeVisible()
      expect(await seriousViolations(page)).toEqual([])
      await check.getByRole('button', { name: 'Fix trust policy…' }).click()
      await expect(sa.dialog().getByText('Trust policy diff (+ added, - removed)')).toBeVisible()
      expect(await seriousViolations(page)).toEqual([])
    })
  })
}
