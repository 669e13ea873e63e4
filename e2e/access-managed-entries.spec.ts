// "Managed by EKS" is decided from the cluster's evidence: on ml-auto only the Auto Mode roles and the service-linked
// role are locked; a custom node role (EC2) is the customer's, editable and deletable with a warning. Screenshots of
// the access rows of ml-auto and prod-web, light and dark, go to the test's output folder.
import { expect, test } from './fixtures'
import { AccessPage } from './pages/access-page'

const roleArn = (name: string) => `arn:aws:iam::111122223333:role/${name}`

test('an EC2 entry granted on ml-auto is not locked, warns, and can be deleted through the UI', async ({
  signInAs,
}) => {
  const page = await signInAs('editor')
  await page.goto('/clusters/us-west-2/ml-auto/access/grant')
  await page.getByLabel('Principal ARN').fill(roleArn('reports-writer'))
  await page.getByLabel('Type').selectOption('EC2')
  await page.getByRole('button', { name: 'Create entry' }).click()
  await expect(page.getByText('Access granted')).toBeVisible()
  await page.getByRole('link', { name: 'Back to access entries' }).click()

  const access = new AccessPage(page, 'us-west-2', 'ml-auto')
  const row = access.row('reports-writer')
  await expect(row).toContainText('EC2')
  await expect(row.getByText('Managed by EKS')).toHaveCount(0)
  await expect(row).toContainText('Warning: Nodes may still join with this role')
  await access.deleteButton('reports-writer').click()
  await expect(access.dialog()).toContainText('deleting the entry stops them from joining the cluster')
  await access.dialog().getByRole('button', { name: 'Delete entry' }).click()
  await expect(access.dialog()).toHaveCount(0)
  await expect(access.row('reports-writer')).toHaveCount(0)
})

test('the seeded custom node role is editable; a managed node group role is locked and names its group', async ({
  signInAs,
}) => {
  const page = await signInAs('editor')
  const ml = new AccessPage(page, 'us-west-2', 'ml-auto')
  await ml.goto()
  await expect(ml.deleteButton('MlAutoCustomNodeRole')).toBeVisible()
  await expect(ml.row('MlAutoCustomNodeRole').getByText('Managed by EKS')).toHaveCount(0)
  await expect(ml.row('AmazonEKSAutoClusterRole')).toContainText('Auto Mode cluster role')
  await expect(ml.deleteButton('AmazonEKSAutoClusterRole')).toHaveCount(0)

  const web = new AccessPage(page, 'us-west-2', 'prod-web')
  await web.goto()
  const node = web.row('eksNodeRole')
  await expect(node.getByText('Managed by EKS')).toBeVisible()
  await expect(node).toContainText('Node role of managed node groups general and spot-batch')
  await expect(web.deleteButton('eksNodeRole')).toHaveCount(0)
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`access rows of ml-auto and prod-web (${colorScheme} screenshots)`, async ({ signInAs }, testInfo) => {
    const page = await signInAs('editor')
    await page.setViewportSize({ width: 1440, height: 1600 })
    await page.emulateMedia({ colorScheme })
    for (const cluster of ['ml-auto', 'prod-web']) {
      const access = new AccessPage(page, 'us-west-2', cluster)
      await access.goto()
      await expect(access.row('PlatformAdmin')).toBeVisible()
      await page.screenshot({ path: testInfo.outputPath(`access-${cluster}-${colorScheme}.png`) })
    }
  })
}
