import { expect, test } from './fixtures'
import { AccessPoliciesPage } from './pages/access-policies-page'
import { SANDBOX_URL } from './support/sandbox-url'

test('the catalogue lists every policy with its Kubernetes rules, and marks undocumented ones', async ({
  page,
  signInAs,
}) => {
  await signInAs('viewer')
  const catalogue = new AccessPoliciesPage(page)
  await catalogue.goto('?region=us-west-2')
  const api = await page.request.get('/api/access-policies?region=us-west-2')
  const { policies } = (await api.json()) as { policies: { name: string }[] }
  expect(policies.length).toBeGreaterThan(30)
  await expect(page.getByText(`${policies.length} policies`, { exact: true })).toBeVisible()
  await expect(catalogue.policyTable().getByRole('row')).toHaveCount(policies.length + 1)

  await catalogue.policyLink('AmazonEKSEditPolicy').click()
  await expect(page).toHaveURL(/policy=AmazonEKSEditPolicy/)
  await expect(catalogue.detailHeading('AmazonEKSEditPolicy')).toBeVisible()
  await expect(page.getByText('Usually namespace scope')).toBeVisible()
  await expect(
    catalogue.rulesTable('AmazonEKSEditPolicy').getByRole('row').filter({ hasText: 'configmaps' }).first(),
  ).toBeVisible()

  // A policy whose rules AWS has not published stays listed, and says so.
  await catalogue.goto('?region=us-west-2&policy=AIDevOpsAgentAccessPolicy')
  await expect(catalogue.detailHeading('AIDevOpsAgentAccessPolicy')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'AWS has not published' })).toBeVisible()

  await catalogue.category().selectOption({ label: 'EKS Auto Mode' })
  await expect(page).toHaveURL(/category=auto-mode/)
  await expect(catalogue.policyLink('AmazonEKSAutoNodePolicy')).toBeVisible()
  await expect(catalogue.policyLink('AmazonEKSEditPolicy')).toHaveCount(0)
})

test('the grant form links the chosen policy to its catalogue entry', async ({ page, signInAs }) => {
  await signInAs('editor')
  await page.goto('/clusters/us-west-2/prod-web/access/grant')
  await page.getByRole('button', { name: 'Add an access policy' }).click()
  await page.getByLabel('Access policy').selectOption({ label: 'AmazonEKSViewPolicy' })
  const link = page.getByRole('link', { name: /What AmazonEKSViewPolicy allows/ })
  await expect(link).toHaveAttribute('href', '/access-policies?region=us-west-2&policy=AmazonEKSViewPolicy')
  // The grant form is a sub-page of Access: the section stays marked current.
  const nav = page.getByRole('navigation', { name: 'Cluster sections' })
  await expect(nav.getByRole('link', { name: 'Access', exact: true })).toHaveAttribute('aria-current', 'page')
})

test.describe('when ListAccessPolicies fails', () => {
  test.use({ allowConsoleErrors: [/Failed to load resource.*(500|502|503)/] })
  test.afterEach(async ({ request }) => {
    await request.delete(`${SANDBOX_URL}/_sandbox/faults`)
  })

  test('the catalogue says so and offers a retry that works once EKS answers', async ({ page, signInAs, request }) => {
    // eu-west-1: the server caches each region's list for an hour, and no other spec reads this one's catalogue.
    await request.put(`${SANDBOX_URL}/_sandbox/faults`, {
      data: { faults: [{ service: 'eks', operation: 'ListAccessPolicies', kind: 'error', status: 500 }] },
    })
    await signInAs('viewer')
    const catalogue = new AccessPoliciesPage(page)
    await catalogue.goto('?region=eu-west-1')
    // (Next's route announcer is an alert too.)
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load the access policies' })
    await expect(alert).toBeVisible()
    await request.delete(`${SANDBOX_URL}/_sandbox/faults`)
    await alert.getByRole('button', { name: 'Retry' }).click()
    await expect(catalogue.policyLink('AmazonEKSViewPolicy')).toBeVisible()
  })
})
