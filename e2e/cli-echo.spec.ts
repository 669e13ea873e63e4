// The equivalent-command echo fits its block at 1440 px: wrapped at argument boundaries, no sideways scrolling, and
// the text the copy button gives is the wrapped command. Read-only (nothing is submitted).
import type { Locator } from '@playwright/test'

import { expect, test } from './fixtures'
import { AccessPage, GrantAccessPage } from './pages/access-page'

test.use({ viewport: { width: 1440, height: 1000 } })

const overflowsSideways = (block: Locator) =>
  block.locator('pre').evaluate((pre) => pre.scrollWidth > pre.clientWidth + 1)

for (const colorScheme of ['light', 'dark'] as const) {
  test(`grant form and edit dialog echo wrapped commands (${colorScheme})`, async ({ signInAs }, testInfo) => {
    const page = await signInAs('editor')
    await page.emulateMedia({ colorScheme })
    await page.goto('/clusters/us-west-2/prod-web/access/grant')
    await new GrantAccessPage(page).fill({
      principalArn: 'arn:aws:iam::111122223333:role/platform/ci/DeploymentAutomationRole',
      policy: 'AmazonEKSClusterAdminPolicy',
    })
    const grantBlock = page.getByRole('figure', { name: 'Equivalent AWS CLI commands' })
    await expect(grantBlock).toContainText(
      '--policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy \\',
    )
    expect(await overflowsSideways(grantBlock)).toBe(false)
    await grantBlock.scrollIntoViewIfNeeded()
    await page.screenshot({ path: testInfo.outputPath(`grant-echo-1440-${colorScheme}.png`) })

    const access = new AccessPage(page, 'us-west-2', 'prod-web')
    await access.goto()
    await access.editButton('TeamADeveloper').click()
    const dialogBlock = access.dialog().getByRole('figure', { name: 'Equivalent AWS CLI command' })
    await expect(dialogBlock).toContainText('aws eks update-access-entry \\')
    expect(await overflowsSideways(dialogBlock)).toBe(false)
    await page.screenshot({ path: testInfo.outputPath(`edit-echo-1440-${colorScheme}.png`) })
  })
}
