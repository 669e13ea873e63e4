// The access page while its entries stream in: the server renders the first screen into the page, rows described
// later join below without moving the ones shown, the rest wait as placeholders under "Loading N of M", and no write
// control shows until the complete list is in (the lockout guard counts every cluster admin only then). The probe entry is created straight in the sandbox, so the console's detail
// cache has never seen it and the injected latency on its DescribeAccessEntry holds the stream there (it lists last) for 12 s, under the console's 15 s bound on an AWS call.
import { CreateAccessEntryCommand, DeleteAccessEntryCommand, EKSClient } from '@aws-sdk/client-eks'

import { expect, test } from './fixtures'
import { AccessPage } from './pages/access-page'
import { SANDBOX_URL } from './support/sandbox-url'

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }
const eks = new EKSClient({ region: 'us-west-2', endpoint: SANDBOX_URL, credentials })
// Another account's role (EKS checks only same-account principals exist), new on every run: never in the cache.
const probeName = (colorScheme: string) => `stream-probe-${colorScheme}-${Date.now()}`
let probe = { clusterName: 'prod-web', principalArn: '' }

test.afterEach(async ({ request }) => {
  await request.delete(`${SANDBOX_URL}/_sandbox/faults`)
  await eks.send(new DeleteAccessEntryCommand(probe)).catch(() => undefined)
})

test('rows show while the rest are described, keep their places, and writes wait for the complete list', async ({
  page,
  signInAs,
  request,
}, testInfo) => {
  test.setTimeout(90_000)
  const name = probeName('stream')
  probe = { clusterName: 'prod-web', principalArn: `arn:aws:iam::444455556666:role/${name}` }
  await eks.send(new CreateAccessEntryCommand(probe))
  await request.put(`${SANDBOX_URL}/_sandbox/faults`, {
    data: {
      faults: [
        { service: 'eks', operation: 'DescribeAccessEntry', pathContains: name, kind: 'latency', latencyMs: 12_000 },
      ],
    },
  })
  await signInAs('editor')
  const access = new AccessPage(page, 'us-west-2', 'prod-web')
  await access.goto()
  const loading = page.getByRole('status').filter({ hasText: /^Loading \d+ of \d+ entries/ })
  await expect(loading).toBeVisible()
  await expect(access.row(name)).toHaveCount(0)
  await expect(access.row('PlatformAdmin')).toBeVisible()
  // Fail closed while partial: no delete (or any other write) until every admin is counted.
  await expect(access.deleteButton('PlatformAdmin')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Refresh' })).toBeDisabled()
  const shownWhileLoading = await access.shownArns()
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.screenshot({ path: testInfo.outputPath(`access-streaming-${colorScheme}.png`), fullPage: true })
  }
  await expect(loading).toBeVisible()

  await expect(access.row(name)).toBeVisible({ timeout: 40_000 })
  await expect(loading).toHaveCount(0)
  await expect(access.deleteButton('PlatformAdmin')).toBeVisible()
  // No jumping: the rows that were on screen are still the first ones, in the same order; the late one joined below.
  const complete = await access.shownArns()
  expect(complete.slice(0, shownWhileLoading.length)).toEqual(shownWhileLoading)
  expect(complete).toContain(probe.principalArn)
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.screenshot({ path: testInfo.outputPath(`access-streamed-${colorScheme}.png`), fullPage: true })
  }
})

test("the first screen of entries is in the page the server sends, without the console's scripts", async ({
  browser,
  signInAs,
  page,
}) => {
  await signInAs('viewer')
  // The page's own inline scripts run (they put streamed parts in place); the console's bundles never load, so no
  // query runs in the browser: every row shown came from the server.
  const noScript = await browser.newContext({ storageState: await page.context().storageState() })
  try {
    const html = await noScript.newPage()
    await html.route('**/_next/static/**/*.js', (route) => route.abort())
    await html.goto(`${new URL(page.url()).origin}/clusters/us-west-2/prod-web/access`)
    const access = new AccessPage(html, 'us-west-2', 'prod-web')
    await expect(access.row('PlatformAdmin')).toBeVisible()
    expect((await access.shownArns()).length).toBeGreaterThan(1)
  } finally {
    await noScript.close()
  }
})
