import { expect, SANDBOX_PASSWORD, test } from './fixtures'
import { ClustersPage } from './pages/clusters-page'
import { SignInPage } from './pages/sign-in-page'

test('a viewer signs in, sees the clusters of both regions and opens the Auto Mode cluster', async ({ page }) => {
  // Through the sign-in form (signInAs posts its requests directly): typed, submitted, landing on the clusters.
  const signIn = new SignInPage(page)
  await signIn.goto()
  await signIn.signIn('viewer', SANDBOX_PASSWORD)
  await expect(page.getByRole('heading', { level: 1, name: 'Clusters' })).toBeVisible()
  const clusters = new ClustersPage(page)
  await expect(page.getByRole('banner')).toContainText('console role: viewer')
  for (const [name, region] of [
    ['prod-web', 'us-west-2'],
    ['ml-auto', 'us-west-2'],
    ['legacy-batch', 'us-west-2'],
    ['eu-shop', 'eu-west-1'],
  ]) {
    await expect(clusters.row(name!)).toContainText(region!)
  }
  await expect(clusters.row('legacy-batch')).toContainText('ConfigMap')
  await expect(clusters.row('ml-auto')).toContainText('Auto Mode')

  await clusters.openCluster('ml-auto')
  await expect(page).toHaveURL(/\/clusters\/us-west-2\/ml-auto$/)
  await expect(page.getByRole('heading', { level: 1, name: 'ml-auto' })).toBeVisible()
  await expect(page.getByText('general-purpose')).toBeVisible()
  await expect(page.getByText('AmazonEKSAutoClusterRole')).toBeVisible()
})

test.describe('a wrong password', () => {
  // next-auth's credentials callback answers 401, which Chromium logs as a failed resource load.
  test.use({ allowConsoleErrors: [/401/] })

  test('is refused with a message and no session', async ({ page }) => {
    const signIn = new SignInPage(page)
    await signIn.goto()
    await signIn.signIn('viewer', 'not-the-password')
    await expect(signIn.alert()).toHaveText('Wrong username or password.')
    await page.goto('/clusters')
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fclusters/)
  })
})

test.describe('a link to a cluster that does not exist', () => {
  // The document answers 404, which Chromium logs as a failed resource load.
  test.use({ allowConsoleErrors: [/404/] })

  test('answers 404 and says why, for any of its pages and for an unconfigured region', async ({ page, signInAs }) => {
    await signInAs('viewer')
    for (const path of [
      '/clusters/us-west-2/no-such-cluster',
      '/clusters/us-west-2/no-such-cluster/resources/pods?ns=default',
      '/clusters/ap-south-1/prod-web/access',
    ]) {
      const response = await page.goto(path)
      expect(response?.status(), path).toBe(404)
      await expect(page.getByRole('heading', { name: /^No cluster named (no-such-cluster|prod-web) in/ })).toBeVisible()
      await expect(page.getByRole('link', { name: 'Back to all clusters' })).toBeVisible()
    }
    await page.getByRole('link', { name: 'Back to all clusters' }).click()
    await expect(new ClustersPage(page).row('prod-web')).toBeVisible()
  })
})

test('an unauthenticated API call gets 401 with an error body', async ({ request }) => {
  const response = await request.get('/api/clusters')
  expect(response.status()).toBe(401)
  expect(await response.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } })
})

test('no AWS credential reaches the browser', async ({ page, signInAs }) => {
  const bodies: Promise<string>[] = []
  page.on('response', (response) => {
    if (['fetch', 'document', 'script'].includes(response.request().resourceType())) {
      bodies.push(response.text().catch(() => ''))
    }
  })
  await signInAs('admin')
  await new ClustersPage(page).openCluster('prod-web')
  await expect(page.getByRole('heading', { level: 1, name: 'prod-web' })).toBeVisible()
  const everything = (await Promise.all(bodies)).join('\n') + (await page.content())
  expect(everything).not.toContain('AKIAIOSFODNN7EXAMPLE')
  expect(everything).not.toContain('wJalrXUtnFEMI')
})
