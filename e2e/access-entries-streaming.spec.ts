// The access page while its entries stream in: rows the server has described show at once, the rest wait as
// placeholders under "Loading N of M", and no write control shows until the complete list is in (the lockout guard
// counts every cluster admin only then). The probe entry is created straight in the sandbox, so the console's detail
// cache has never seen it and the injected latency on its DescribeAccessEntry holds the stream there.
import { CreateAccessEntryCommand, DeleteAccessEntryCommand, EKSClient } from '@aws-sdk/client-eks'

import { expect, test } from './fixtures'
import { AccessPage } from './pages/access-page'
import { SANDBOX_URL } from './support/sandbox-url'

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }
const eks = new EKSClient({ region: 'us-west-2', endpoint: SANDBOX_URL, credentials })
const probe = { clusterName: 'prod-web', principalArn: 'arn:aws:iam::111122223333:role/billing-irsa' }

test.afterEach(async ({ request }) => {
  await request.delete(`${SANDBOX_URL}/_sandbox/faults`)
  await eks.send(new DeleteAccessEntryCommand(probe)).catch(() => undefined)
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`rows show while the rest are described; writes wait for the complete list (${colorScheme})`, async ({
    page,
    signInAs,
    request,
  }, testInfo) => {
    await eks.send(new CreateAccessEntryCommand(probe))
    await request.put(`${SANDBOX_URL}/_sandbox/faults`, {
      data: {
        faults: [
          {
            service: 'eks',
            operation: 'DescribeAccessEntry',
            pathContains: 'billing-irsa',
            kind: 'latency',
            latencyMs: 4000,
          },
        ],
      },
    })
    await signInAs('editor')
    await page.emulateMedia({ colorScheme })
    const access = new AccessPage(page, 'us-west-2', 'prod-web')
    await access.goto()
    const loading = page.getByRole('status').filter({ hasText: /^Loading \d+ of \d+ entries/ })
    await expect(loading).toBeVisible()
    await expect(access.row('PlatformAdmin')).toBeVisible()
    await expect(access.row('billing-irsa')).toHaveCount(0)
    // Fail closed while partial: no delete (or any other write) until every admin is counted.
    await expect(access.deleteButton('PlatformAdmin')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Refresh' })).toBeDisabled()
    await page.screenshot({ path: testInfo.outputPath(`access-streaming-${colorScheme}.png`), fullPage: true })

    await expect(access.row('billing-irsa')).toBeVisible({ timeout: 15_000 })
    await expect(loading).toHaveCount(0)
    await expect(access.deleteButton('PlatformAdmin')).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath(`access-streamed-${colorScheme}.png`), fullPage: true })
  })
}
