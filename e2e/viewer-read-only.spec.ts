// Write forms reachable by URL show a viewer what they would do and the role they need, not a form that can only be
// refused on submit. Read-only; screenshots of the viewer's grant page go to the test's output folder.
import { expect, test } from './fixtures'
import { AccessPage } from './pages/access-page'

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a viewer opening …/access/grant gets the explanation and a way back (${colorScheme})`, async ({
    signInAs,
  }, testInfo) => {
    const page = await signInAs('viewer')
    await page.emulateMedia({ colorScheme })
    await page.goto('/clusters/us-west-2/prod-web/access/grant')
    await expect(page.getByRole('heading', { name: 'Grant access to prod-web' })).toBeVisible()
    await expect(page.getByRole('status')).toContainText('Granting access to prod-web needs the editor console role')
    await expect(page.getByRole('status')).toContainText('You are signed in as a viewer')
    await expect(page.getByLabel('Principal ARN')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Create entry' })).toHaveCount(0)
    await page.screenshot({ path: testInfo.outputPath(`viewer-grant-${colorScheme}.png`) })
    await page.getByRole('link', { name: 'Back to access entries' }).click()
    await expect(page.getByRole('heading', { name: 'Access entries' })).toBeVisible()
  })
}

test('an editor still gets the grant form', async ({ signInAs }) => {
  const page = await signInAs('editor')
  await page.goto('/clusters/us-west-2/prod-web/access/grant')
  await expect(page.getByLabel('Principal ARN')).toBeVisible()
  await expect(new AccessPage(page, 'us-west-2', 'prod-web').dialog()).toHaveCount(0)
})

test('a viewer following an ?edit=irsa link is told why the IRSA form does not open', async ({ signInAs }) => {
  const page = await signInAs('viewer')
  await page.goto('/clusters/us-west-2/prod-web/resources/service-accounts/reports/reports-job?edit=irsa')
  await expect(
    page.getByText('Changing the IRSA role of a service account needs the editor console role'),
  ).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.getByRole('link', { name: 'Back to the service account' }).click()
  await expect(page).toHaveURL(/\/resources\/service-accounts\/reports\/reports-job$/)
  await expect(page.getByText('needs the editor console role')).toHaveCount(0)
})

test('the access page calls a viewer read-only', async ({ signInAs }) => {
  const page = await signInAs('viewer')
  await page.goto('/clusters/us-west-2/prod-web/access')
  await expect(page.getByRole('status').filter({ hasText: /\d+ entries/ })).toContainText(
    'read-only: your console role is viewer',
  )
})

test('the access page never tells an editor they are a viewer while their role is still loading', async ({
  signInAs,
}) => {
  const page = await signInAs('editor')
  // The role answers late: the rows are on screen before it, and they must not claim the editor is a viewer.
  let releaseWhoami: () => void = () => undefined
  const whoamiHeld = new Promise<void>((resolve) => (releaseWhoami = resolve))
  await page.route('**/api/session/whoami', async (route) => {
    await whoamiHeld
    await route.continue()
  })
  await page.goto('/clusters/us-west-2/prod-web/access')
  const status = page.getByRole('status').filter({ hasText: /\d+ entries/ })
  await expect(status).toBeVisible()
  await expect(status).not.toContainText('viewer')
  releaseWhoami()
  await expect(page.getByRole('button', { name: /^Edit / }).first()).toBeVisible()
  await expect(status).not.toContainText('viewer')
})
