// axe-core over the access pages, light and dark: no serious or critical WCAG 2 A/AA violation.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target) }))
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`access pages in ${colorScheme} mode`, () => {
    test.use({ colorScheme })

    test('the access page and its policies dialog', async ({ page, signInAs }) => {
      await signInAs('editor')
      await page.goto('/clusters/us-west-2/prod-web/access')
      await expect(page.getByRole('row').filter({ hasText: 'TeamADeveloper' })).toBeVisible()
      expect(await seriousViolations(page)).toEqual([])
      await page.getByRole('button', { name: 'Access policies of TeamADeveloper', exact: true }).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      expect(await seriousViolations(page)).toEqual([])
    })

    test('the grant form with a policy, warnings and errors showing', async ({ page, signInAs }) => {
      await signInAs('editor')
      await page.goto('/clusters/us-west-2/prod-web/access/grant')
      await page.getByRole('button', { name: 'Add an access policy' }).click()
      await page.getByLabel('Access policy').selectOption({ label: 'AmazonEKSEditPolicy' })
      await page.getByLabel('Namespaces', { exact: true }).fill('team-a, nope')
      await page.getByLabel('Kubernetes groups (optional)').fill('ghost-group')
      await expect(page.getByText(/No namespace matches nope/)).toBeVisible()
      await expect(page.getByText(/names ghost-group/)).toBeVisible()
      await page.getByRole('button', { name: 'Create entry' }).click()
      await expect(page.getByText(/^Enter the ARN of an IAM role or user/)).toBeVisible()
      expect(await seriousViolations(page)).toEqual([])
    })

    test('the access-policy catalogue', async ({ page, signInAs }) => {
      await signInAs('viewer')
      await page.goto('/access-policies?region=us-west-2&policy=AmazonEKSAdminPolicy')
      await expect(page.getByRole('table', { name: 'Kubernetes rules of AmazonEKSAdminPolicy' })).toBeVisible()
      expect(await seriousViolations(page)).toEqual([])
    })
  })
}
