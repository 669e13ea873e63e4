// Issue 17's requests and approvals, end to end: a viewer asks for AmazonEKSViewPolicy on ml-auto's team-a for
// TeamBDeveloper and cannot approve it; an admin sees it counted on the top bar, approves it, and TeamBDeveloper's
// own token (STS AssumeRole, `aws eks get-token`) then lists ConfigMaps in team-a; the count is gone. A second request
// can be decided by an editor only once an admin allows editors for ml-auto in its time-bound settings.
import { ROLE_ARNS, USER_ACCESS_KEYS } from '@/sandbox/core/seed-constants'

import { expect, test } from './fixtures'
import { AccessPage } from './pages/access-page'
import { AccessRequestsPage } from './pages/access-requests-page'
import { assumeRole, connectToCluster, deleteAccessEntryIfPresent, getTokenWithAwsCli } from './support/kube-probe'

const cluster = { region: 'us-west-2', name: 'ml-auto' }
const role = ROLE_ARNS.TeamBDeveloper
const sameOrigin = (page: { url(): string }) => ({
  origin: new URL(page.url()).origin,
  'sec-fetch-site': 'same-origin',
  'content-type': 'application/json',
})

// The console's store (requests, settings) can outlive a run (AUDIT_DB_PATH, DATABASE_URL): this run's requests carry
// a stamp of their own, and the admin test first clears what an earlier, failed run may have left (pending requests,
// the editors setting).
const stamp = `run-${Date.now().toString(36)}`

test.describe.configure({ mode: 'serial' })
test.beforeAll(async () => deleteAccessEntryIfPresent(cluster.name, cluster.region, role))
test.afterAll(async () => deleteAccessEntryIfPresent(cluster.name, cluster.region, role))

/** As admin: deny what earlier runs left pending, and give ml-auto its default settings (editors may not decide). */
async function clearLeftovers(page: import('@playwright/test').Page) {
  const pending = (await (await page.request.get('/api/access-requests?status=pending')).json()) as {
    requests: { id: string; region: string; cluster: string; reason?: string; yourRight: { allowed: boolean } }[]
  }
  for (const r of pending.requests.filter((r) => r.yourRight.allowed)) {
    const answer = await page.request.get(`/api/clusters/${r.region}/${r.cluster}/access-requests/${r.id}`)
    const { request } = (await answer.json()) as { request: { reason: string } }
    if (request.reason.includes(stamp)) continue
    const denied = await page.request.post(`/api/clusters/${r.region}/${r.cluster}/access-requests/${r.id}/decision`, {
      headers: sameOrigin(page),
      data: { decision: 'deny', comment: 'Left over by an earlier e2e run.' },
    })
    expect(denied.status()).toBe(200)
  }
  const reset = await page.request.put('/api/clusters/us-west-2/ml-auto/time-bound-settings', {
    headers: sameOrigin(page),
    data: { maxSeconds: 7 * 86_400, editorsMayApprove: false },
  })
  expect(reset.status()).toBe(200)
}

// Dialogs are shot in the viewport (a full-page shot misplaces the fixed dialog); `animations: 'disabled'` ends the
// buttons' colour transition after the scheme switch, so the shot shows the final colours.
const shoot = async (
  page: import('@playwright/test').Page,
  name: string,
  path: (n: string) => string,
  fullPage = true,
) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.screenshot({ path: path(`${name}-${colorScheme}.png`), fullPage, animations: 'disabled' })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

test('a viewer requests time-bound access and cannot approve it', async ({ page, signInAs }, testInfo) => {
  await signInAs('viewer')
  await page.setViewportSize({ width: 1280, height: 1000 })
  const requests = new AccessRequestsPage(page, cluster.region, cluster.name)
  await requests.gotoList()
  await expect(page.getByText('Nothing waits for a decision.')).toBeVisible()
  await page.getByRole('link', { name: 'Request access' }).click()
  await expect(page.getByRole('heading', { name: 'Request access to ml-auto' })).toBeVisible()
  // A request always ends: there is no Permanent choice.
  await expect(page.getByLabel('How long').getByRole('option', { name: /Permanent/ })).toHaveCount(0)
  await page.getByRole('button', { name: 'Request access' }).click()
  await expect(page.getByText(/Say why the access is needed/)).toBeVisible()
  await requests.fillRequest({
    principalArn: role,
    policy: 'AmazonEKSViewPolicy',
    namespace: 'team-a',
    preset: '1 hour',
    reason: `INC-311: reading the team-a config for the incident review (${stamp})`,
  })
  await expect(page.getByText(/^If approved now, access ends /)).toBeVisible()
  await shoot(page, 'request-form', (n) => testInfo.outputPath(n))
  await page.getByRole('button', { name: 'Request access' }).click()
  await expect(page.getByText('Request filed')).toBeVisible()
  await page.getByRole('link', { name: 'View the request' }).click()
  await expect(page.getByRole('heading', { name: 'Request for TeamBDeveloper' })).toBeVisible()
  await expect(requests.approveButton()).toBeDisabled()
  await expect(page.getByText('Only admins, and editors where an admin allows it, decide requests.')).toBeVisible()
  // The server refuses too.
  const id = page.url().split('/').pop() ?? ''
  const refused = await page.request.post(`/api/clusters/us-west-2/ml-auto/access-requests/${id}/decision`, {
    headers: sameOrigin(page),
    data: { decision: 'approve' },
  })
  expect(refused.status()).toBe(403)
})

test('an admin approves from the Requests page; the role’s own token then works and the badge empties', async ({
  page,
  signInAs,
}, testInfo) => {
  test.setTimeout(90_000)
  const credentials = await assumeRole(USER_ACCESS_KEYS.alice, role)
  const kube = await connectToCluster(
    cluster.name,
    cluster.region,
    await getTokenWithAwsCli(cluster.name, cluster.region, credentials),
  )
  expect((await kube.listConfigMaps('team-a')).status).toBe(401)

  await signInAs('admin')
  await page.setViewportSize({ width: 1440, height: 1000 })
  const requests = new AccessRequestsPage(page, cluster.region, cluster.name)
  await clearLeftovers(page)
  await page.reload()
  await expect(requests.navLink()).toHaveAccessibleName(/^Requests\s*\(1 waiting for your decision\)$/)
  await requests.navLink().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Access requests' })).toBeVisible()
  const row = requests.row(stamp)
  await expect(row).toContainText('INC-311')
  await expect(row).toContainText('AmazonEKSViewPolicy in namespace team-a')
  await shoot(page, 'requests-list', (n) => testInfo.outputPath(n))

  await row.getByRole('button', { name: /^Approve / }).click()
  await expect(requests.dialog()).toContainText('TeamBDeveloper gets AmazonEKSViewPolicy in namespace team-a')
  await requests.dialog().getByLabel('Comment (optional)').fill('ok for the review')
  await shoot(page, 'approve-dialog', (n) => testInfo.outputPath(n), false)
  await requests.dialog().getByRole('button', { name: 'Approve and grant' }).click()
  await expect(requests.dialog()).toHaveCount(0)
  await expect(page.getByText('Nothing waits for a decision.')).toBeVisible()
  await expect(requests.navLink()).toHaveAccessibleName('Requests')
  expect(await kube.listConfigMaps('team-a')).toEqual({ status: 200 })
  expect((await kube.listConfigMaps('team-b')).status).toBe(403)

  await page.getByRole('link', { name: 'Decided' }).click()
  await expect(requests.row(stamp)).toContainText('by Sandbox Admin')
  await expect(requests.row(stamp)).toContainText('ok for the review')

  // The entry's policies dialog shows the time left, and adding another policy may be time-bound too.
  const access = new AccessPage(page, cluster.region, cluster.name)
  await access.goto()
  await page.getByRole('button', { name: 'Access policies of TeamBDeveloper', exact: true }).click()
  // The approval created the entry, so its time left is the whole entry's.
  await expect(access.dialog()).toContainText(/Entry: \d+ min left/)
  await access.dialog().getByLabel('Access policy').selectOption({ label: 'AmazonEKSEditPolicy' })
  await access.dialog().getByLabel('Namespaces', { exact: true }).fill('team-b')
  await access.dialog().getByLabel('How long').selectOption({ label: '4 hours' })
  await expect(
    access.dialog().getByText(/# the console revokes this at \d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?Z/),
  ).toBeVisible()
  await page.setViewportSize({ width: 1440, height: 1400 })
  await shoot(page, 'policies-dialog-expiry', (n) => testInfo.outputPath(n), false)
})

test('an editor decides only once an admin allows editors for the cluster', async ({ page, signInAs }, testInfo) => {
  test.setTimeout(90_000)
  // Filed through the API as the viewer (the form is proven above).
  await signInAs('viewer')
  const filed = await page.request.post('/api/clusters/us-west-2/ml-auto/access-requests', {
    headers: sameOrigin(page),
    data: {
      principalArn: role,
      policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy',
      accessScope: { type: 'namespace', namespaces: ['team-b'] },
      duration: { kind: 'preset', preset: '4h' },
      reason: `CHG-512: fixing the team-b config map (${stamp})`,
    },
  })
  expect(filed.status()).toBe(201)
  const id = ((await filed.json()) as { id: string }).id
  await page.context().clearCookies()

  await signInAs('editor')
  const requests = new AccessRequestsPage(page, cluster.region, cluster.name)
  await expect(requests.navLink()).toHaveAccessibleName('Requests')
  await page.goto(requests.path(id))
  await expect(requests.approveButton()).toBeDisabled()
  await expect(page.getByText(/On this cluster only admins decide requests/)).toBeVisible()
  await page.getByRole('link', { name: '← All requests of ml-auto' }).click()
  await page.getByRole('link', { name: 'Time-bound settings' }).click()
  await expect(page.getByText('Only admins change these settings.')).toBeVisible()
  await expect(page.getByText('Admins only')).toBeVisible()
  await page.context().clearCookies()

  await signInAs('admin')
  await requests.gotoSettings()
  await shoot(page, 'settings', (n) => testInfo.outputPath(n))
  await page.getByLabel('Editors may approve or deny access requests on this cluster').check()
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByText('Settings saved')).toBeVisible()
  await page.context().clearCookies()

  await signInAs('editor')
  await expect(requests.navLink()).toHaveAccessibleName(/^Requests\s*\(1 waiting for your decision\)$/)
  await page.goto(requests.path(id))
  await requests.approveButton().click()
  await requests.dialog().getByRole('button', { name: 'Approve and grant' }).click()
  await expect(page.getByText('Approved', { exact: true })).toBeVisible()
  await expect(page.getByText(/by Sandbox Editor$/)).toBeVisible()
  await expect(requests.navLink()).toHaveAccessibleName('Requests')
})
