// The cluster tabs mark the section the page belongs to, the same one its breadcrumb names. Read-only.
import { expect, test } from './fixtures'
import { ServiceAccountPage, WorkloadIdentityPage } from './pages/workload-identity-page'

test('a service account opened from Workload identity keeps the Workload identity tab current', async ({
  signInAs,
}) => {
  const page = await signInAs('viewer')
  const wi = new WorkloadIdentityPage(page, 'us-west-2', 'prod-web')
  await wi.goto()
  await wi.row('reports-job').getByRole('link', { name: 'reports-job', exact: true }).click()
  await expect(new ServiceAccountPage(page).check('Role trusts EKS Pod Identity')).toBeVisible()
  const tabs = page.getByRole('navigation', { name: 'Cluster sections' })
  await expect(tabs.getByRole('link', { name: 'Workload identity' })).toHaveAttribute('aria-current', 'page')
  await expect(tabs.getByRole('link', { name: 'Resources' })).not.toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('link', { name: 'Workload identity' }).last()).toBeVisible()
  // The Pods / Nodes / Namespaces tabs would claim a resource kind the page is not.
  await expect(page.getByRole('navigation', { name: 'Resource kinds' })).toHaveCount(0)

  // A Pod still belongs to Resources.
  await page.goto('/clusters/us-west-2/prod-web/resources/pods')
  await expect(tabs.getByRole('link', { name: 'Resources' })).toHaveAttribute('aria-current', 'page')
  await expect(tabs.getByRole('link', { name: 'Workload identity' })).not.toHaveAttribute('aria-current', 'page')
})

test('at 1024 px the tabs scroll, and the current one is scrolled into view', async ({ page, signInAs }) => {
  await page.setViewportSize({ width: 1024, height: 800 })
  await signInAs('viewer')
  await page.goto('/clusters/us-west-2/prod-web/history')
  const tabs = page.getByRole('navigation', { name: 'Cluster sections' })
  const history = tabs.getByRole('link', { name: 'History' })
  await expect(history).toHaveAttribute('aria-current', 'page')
  // Before: eleven tabs ran past the right edge and the current one (History) sat hidden behind the scroll.
  // Not ratio 1: the last tab ends between pixels, and the scroll box cannot scroll by the last fraction of one.
  await expect(history).toBeInViewport({ ratio: 0.98 })
  const list = tabs.getByRole('list')
  expect(await list.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
  await expect(page.getByRole('link', { name: 'History' }).last()).toBeVisible()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.screenshot({ path: `test-results/cluster-nav-screens/tabs-1024-${scheme}.png` })
  }
})
