// Issue 17's proof that a time-bound grant ends on its own: as editor, grant TeamBDeveloper (no entry on ml-auto)
// AmazonEKSViewPolicy on namespace team-a until ~25 s from now through the form; as that role (AssumeRole, a token
// from `aws eks get-token`, DescribeCluster's endpoint + CA) listing ConfigMaps in team-a works; once the time has
// passed the console's scheduler revokes the grant: the same call is refused, the entry is gone again (ml-auto had
// none) and the audit log says the system revoked it because it expired. The e2e console runs with
// TIME_BOUND_MIN_SECONDS=10 (playwright.config.ts), allowed only with sandbox sign-in.
import { ROLE_ARNS, USER_ACCESS_KEYS } from '@/sandbox/core/seed-constants'

import { expect, test } from './fixtures'
import { AccessPage, GrantAccessPage } from './pages/access-page'
import { AuditPage } from './pages/audit-page'
import { assumeRole, connectToCluster, deleteAccessEntryIfPresent, getTokenWithAwsCli } from './support/kube-probe'

const cluster = { region: 'us-west-2', name: 'ml-auto' }
const role = ROLE_ARNS.TeamBDeveloper

test.afterAll(async () => deleteAccessEntryIfPresent(cluster.name, cluster.region, role))

test('a time-bound grant works until its end, then the console revokes it and says why', async ({
  page,
  signInAs,
}, testInfo) => {
  test.setTimeout(180_000)
  await deleteAccessEntryIfPresent(cluster.name, cluster.region, role)
  const credentials = await assumeRole(USER_ACCESS_KEYS.alice, role)
  const kube = await connectToCluster(
    cluster.name,
    cluster.region,
    await getTokenWithAwsCli(cluster.name, cluster.region, credentials),
  )
  expect((await kube.listConfigMaps('team-a')).status).toBe(401)

  await signInAs('editor')
  await page.setViewportSize({ width: 1440, height: 1400 })
  await page.goto(`/clusters/${cluster.region}/${cluster.name}/access/grant`)
  const form = new GrantAccessPage(page)
  await form.fill({ principalArn: role, policy: 'AmazonEKSViewPolicy', namespaces: 'team-a' })
  await form.chooseDuration({ preset: '4 hours' })
  await expect(page.getByText(/^Access ends /)).toBeVisible()
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.screenshot({ path: testInfo.outputPath(`grant-form-duration-${colorScheme}.png`), fullPage: true })
  }
  await page.emulateMedia({ colorScheme: 'light' })

  await form.chooseDuration({ secondsFromNow: 25 })
  await form.submit()
  await expect(page.getByText('Access granted')).toBeVisible()
  await expect(page.getByText(/Time-bound: the console revokes it on/)).toBeVisible()
  expect(await kube.listConfigMaps('team-a')).toEqual({ status: 200 })
  expect((await kube.listConfigMaps('team-b')).status).toBe(403)

  const access = new AccessPage(page, cluster.region, cluster.name)
  await access.goto()
  await expect(access.row('TeamBDeveloper')).toContainText(/Entry: \d+ s left/)
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.screenshot({ path: testInfo.outputPath(`access-time-left-${colorScheme}.png`) })
  }

  // The scheduler looks every 5 s here (twice within the shortest grant, 10 s): the grant is gone soon after its end.
  await expect
    .poll(async () => (await kube.listConfigMaps('team-a')).status, { timeout: 60_000, intervals: [1000] })
    .not.toBe(200)
  expect([401, 403]).toContain((await kube.listConfigMaps('team-a')).status)
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Access entries' })).toBeVisible()
  await expect(access.row('TeamBDeveloper')).toHaveCount(0)

  const audit = new AuditPage(page)
  await audit.gotoAll('?action=time-bound-grant.revoke')
  const event = audit.rows('TeamBDeveloper').first()
  await expect(event).toContainText('system')
  await expect(event).toContainText(/Time-bound grant .* expired: removed the access entry\./)
})

test('break-glass: the admin’s own principal is cluster admin for a minute, with a banner on every page', async ({
  page,
  signInAs,
}, testInfo) => {
  test.setTimeout(150_000)
  await signInAs('admin')
  await page.setViewportSize({ width: 1440, height: 1000 })
  const access = new AccessPage(page, 'us-west-2', 'prod-web')
  await access.goto()
  await page.getByRole('button', { name: 'Break glass' }).click()
  await access.dialog().getByLabel('Reason (recorded in the audit log)').fill('INC-42: the e2e proof of break-glass')
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.screenshot({ path: testInfo.outputPath(`break-glass-dialog-${colorScheme}.png`) })
  }
  // The dialog offers 15 minutes and more; the proof asks the API for the shortest, one minute, as the dialog would.
  await access.dialog().getByRole('button', { name: 'Cancel' }).click()
  const origin = new URL(page.url()).origin
  const granted = await page.request.post('/api/clusters/us-west-2/prod-web/break-glass', {
    headers: { origin, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
    data: { reason: 'INC-42: the e2e proof of break-glass', minutes: 1 },
  })
  expect(granted.status()).toBe(201)

  await page.goto('/clusters')
  const banner = page.getByRole('status').filter({ hasText: 'Break-glass access in force' })
  await expect(banner).toContainText('BreakGlassAdmin')
  await expect(banner).toContainText('INC-42')
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.screenshot({ path: testInfo.outputPath(`break-glass-banner-${colorScheme}.png`) })
  }
  // One minute, then the scheduler's next look (every 5 s here): the grant is gone, and so is the banner.
  await expect
    .poll(async () => (await (await page.request.get('/api/break-glass')).json()).grants.length, {
      timeout: 110_000,
      intervals: [2000],
    })
    .toBe(0)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible()
  await expect(banner).toHaveCount(0)
  const audit = new AuditPage(page)
  await audit.gotoAll('?action=break-glass.revoke')
  await expect(audit.rows('BreakGlassAdmin').first()).toContainText(/Break-glass grant .* expired/)
})
