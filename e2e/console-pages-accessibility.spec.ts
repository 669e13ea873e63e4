// axe-core over the pages the access and workload-identity specs leave out (RBAC, findings, access requests, effective
// access, aws-auth and its migration plan, identity providers, kubeconfig, history, resources, the cluster pages),
// light and dark: no serious or critical WCAG 2 A/AA violation once each page has loaded its data. Read-only.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'

const cluster = '/clusters/us-west-2/prod-web'

/** Each page, and something on it that shows its data has loaded. */
const pages: { path: string; loaded: (page: Page) => ReturnType<Page['locator']> }[] = [
  { path: '/clusters', loaded: (p) => p.getByRole('link', { name: 'prod-web' }).first() },
  { path: cluster, loaded: (p) => p.getByText('Authentication mode').first() },
  { path: `${cluster}/rbac`, loaded: (p) => p.getByRole('table', { name: 'Roles' }) },
  { path: `${cluster}/rbac/cluster-roles/view`, loaded: (p) => p.getByRole('table').first() },
  { path: `${cluster}/rbac/subjects/Group/team-b-devs`, loaded: (p) => p.getByRole('table').first() },
  { path: `${cluster}/rbac/bindings/new`, loaded: (p) => p.getByRole('button', { name: /Create/ }).first() },
  {
    path: `${cluster}/effective-access?view=who-can&verb=delete&resource=pods&namespace=team-a`,
    loaded: (p) => p.getByText('PlatformAdmin').first(),
  },
  { path: `${cluster}/findings`, loaded: (p) => p.getByRole('table').first() },
  { path: '/findings', loaded: (p) => p.getByRole('table').first() },
  { path: '/requests', loaded: (p) => p.getByRole('heading', { level: 1 }).first() },
  { path: `${cluster}/requests/new`, loaded: (p) => p.getByRole('button', { name: /request/i }).first() },
  { path: `${cluster}/requests/settings`, loaded: (p) => p.getByRole('button', { name: /save/i }).first() },
  { path: `${cluster}/aws-auth`, loaded: (p) => p.getByRole('table').first() },
  { path: `${cluster}/identity-providers`, loaded: (p) => p.getByRole('heading', { level: 2 }).first() },
  { path: `${cluster}/kubeconfig`, loaded: (p) => p.getByText('apiVersion').first() },
  { path: `${cluster}/history`, loaded: (p) => p.getByRole('heading', { level: 2 }).first() },
  { path: `${cluster}/aws-auth/migrate`, loaded: (p) => p.getByRole('table').first() },
  { path: `${cluster}/resources/pods`, loaded: (p) => p.getByRole('row').nth(1) },
  { path: `${cluster}/resources/nodes`, loaded: (p) => p.getByRole('row').nth(1) },
  { path: `${cluster}/resources/namespaces`, loaded: (p) => p.getByRole('row').nth(1) },
  { path: `${cluster}/resources/namespaces/team-a`, loaded: (p) => p.getByText('Labels and annotations') },
  {
    path: `${cluster}/resources/service-accounts/team-a/default`,
    loaded: (p) => p.getByRole('heading', { name: 'Pods using this service account' }),
  },
]

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target) }))
}

// Each page is loaded once and checked in both schemes: the console follows the system's scheme as it changes, so
// switching the emulated one re-styles the loaded page (half the page loads of one test per scheme).
test('console pages have no serious or critical accessibility violation, light and dark', async ({
  page,
  signInAs,
}) => {
  test.setTimeout(150_000)
  await signInAs('admin')
  for (const { path, loaded } of pages) {
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(path)
    await expect.soft(loaded(page), path).toBeVisible()
    await expect.soft(page.locator('[aria-busy="true"]'), path).toHaveCount(0)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await expect(page.locator('html'), path).toHaveClass(colorScheme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/)
      const violations = await seriousViolations(page)
      expect.soft({ path, colorScheme, violations }).toEqual({ path, colorScheme, violations: [] })
    }
  }
})
