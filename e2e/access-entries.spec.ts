import { expect, test } from './fixtures'
import { AccessPage, GrantAccessPage } from './pages/access-page'
import { SANDBOX_URL } from './support/sandbox-url'

const roleArn = (name: string) => `arn:aws:iam::111122223333:role/${name}`

test.afterEach(async ({ request }) => {
  await request.delete(`${SANDBOX_URL}/_sandbox/faults`)
})

test('a viewer sees entries but no edit controls, and the write routes answer 403', async ({ page, signInAs }) => {
  await signInAs('viewer')
  const access = new AccessPage(page, 'us-west-2', 'prod-web')
  await access.goto()
  await expect(access.row('TeamADeveloper')).toBeVisible()
  await expect(access.grantLink()).toHaveCount(0)
  await expect(access.deleteButton('TeamADeveloper')).toHaveCount(0)
  await expect(access.editButton('TeamADeveloper')).toHaveCount(0)
  const post = await page.request.post(access.apiPath(), { data: { principalArn: roleArn('billing-irsa') } })
  expect(post.status()).toBe(403)
  const del = await page.request.delete(access.apiPath(roleArn('TeamADeveloper')))
  expect(del.status()).toBe(403)
})

test('Auto Mode managed entries have no controls and their routes refuse changes', async ({ page, signInAs }) => {
  await signInAs('editor')
  const access = new AccessPage(page, 'us-west-2', 'ml-auto')
  await access.goto()
  await expect(page.getByText('EKS Auto Mode cluster')).toBeVisible()
  const row = access.row('AmazonEKSAutoClusterRole')
  await expect(row.getByText('Managed by EKS')).toBeVisible()
  await expect(access.deleteButton('AmazonEKSAutoClusterRole')).toHaveCount(0)
  await expect(access.deleteButton('PlatformAdmin')).toBeVisible()
  const del = await page.request.delete(access.apiPath(roleArn('AmazonEKSAutoClusterRole')))
  expect(del.status()).toBe(409)
  expect((await del.json()).error.message).toMatch(/managed by EKS/)
})

test('the lockout guard stops deleting the console principal and the last admin until an admin types the name', async ({
  page,
  signInAs,
}) => {
  await signInAs('admin')
  const access = new AccessPage(page, 'eu-west-1', 'eu-shop')
  await access.goto()
  await access.deleteButton('admin').click()
  const dialog = access.dialog()
  await expect(dialog.getByText("This is the console's own AWS principal")).toBeVisible()
  const confirm = dialog.getByRole('button', { name: 'Delete entry' })
  await expect(confirm).toBeDisabled()
  await dialog.getByLabel(/Type the cluster name/).fill('eu-shop')
  await expect(confirm).toBeEnabled()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  // Without the typed name the route refuses, whatever the UI does.
  const refused = await page.request.delete(access.apiPath('arn:aws:iam::111122223333:user/admin'))
  expect(refused.status()).toBe(409)
})

test('a failure on the association step leaves a clear "created, not associated" state with retry', async ({
  page,
  request,
  signInAs,
}) => {
  await request.put(`${SANDBOX_URL}/_sandbox/faults`, {
    data: { faults: [{ service: 'eks', operation: 'AssociateAccessPolicy', kind: 'error', status: 503 }] },
  })
  await signInAs('editor')
  await page.goto('/clusters/us-west-2/prod-web/access/grant')
  const form = new GrantAccessPage(page)
  await form.fill({ principalArn: roleArn('billing-irsa'), policy: 'AmazonEKSEditPolicy', namespaces: 'billing' })
  await form.submit()
  await expect(page.getByText('Created, not associated')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Grant steps' })).toContainText('Create the access entry: applied')
  await expect(page.getByRole('list', { name: 'Grant steps' })).toContainText('AmazonEKSEditPolicy (billing): failed')
  await request.delete(`${SANDBOX_URL}/_sandbox/faults`)
  await page.getByRole('button', { name: 'Retry the rest' }).click()
  await expect(page.getByText('Access granted')).toBeVisible()
})

test('an editor grants namespace access and sees it listed', async ({ page, signInAs }) => {
  await signInAs('editor')
  await page.goto('/clusters/us-west-2/prod-web/access/grant')
  const form = new GrantAccessPage(page)
  await form.fill({ principalArn: roleArn('legacy-irsa'), policy: 'AmazonEKSViewPolicy', namespaces: 'legacy, shop-*' })
  await expect(page.getByText('aws eks associate-access-policy')).toBeVisible()
  await form.submit()
  await expect(page.getByText('Access granted')).toBeVisible()
  await page.getByRole('link', { name: 'Back to access entries' }).click()
  const access = new AccessPage(page, 'us-west-2', 'prod-web')
  await expect(access.row('legacy-irsa')).toContainText('namespaces legacy, shop-*')
})

test('a namespace the scope rules refuse is named on the Namespaces field, and nothing is sent', async ({
  page,
  signInAs,
}) => {
  await signInAs('editor')
  await page.goto('/clusters/us-west-2/prod-web/access/grant')
  const form = new GrantAccessPage(page)
  await form.fill({ principalArn: roleArn('legacy-irsa'), policy: 'AmazonEKSViewPolicy', namespaces: 'team-a, Team_B' })
  await form.submit()
  const namespaces = page.getByLabel('Namespaces', { exact: true })
  await expect(namespaces).toHaveAttribute('aria-invalid', 'true')
  await expect(namespaces).toHaveAccessibleDescription(/"Team_B" is not a valid namespace/)
  await expect(page.getByText('Access granted')).toHaveCount(0)
})

test('an entry EKS keeps throttling is named above the others, and Retry reads it', async ({
  page,
  request,
  signInAs,
}) => {
  await signInAs('viewer')
  const access = new AccessPage(page, 'us-west-2', 'ml-auto')
  await access.goto()
  await expect(access.row('PlatformAdmin')).toBeVisible()
  await request.put(`${SANDBOX_URL}/_sandbox/faults`, {
    data: {
      faults: [
        {
          service: 'eks',
          operation: 'DescribeAccessEntry',
          pathContains: roleArn('PlatformAdmin'),
          kind: 'throttle',
        },
      ],
    },
  })
  await page.getByRole('button', { name: 'Refresh' }).click()
  const notice = page.getByRole('status').filter({ hasText: 'could not be read' })
  // The SDK backs off between its five attempts (exponentially, for throttling): the page answers after seconds.
  await expect(notice).toContainText('One entry could not be read, so the list below is incomplete', {
    timeout: 30_000,
  })
  await expect(notice).toContainText('PlatformAdmin')
  await expect(notice).toContainText(/throttling/)
  await expect(access.row('PlatformAdmin')).toHaveCount(0)
  await expect(access.row('AmazonEKSAutoClusterRole')).toBeVisible()

  await request.delete(`${SANDBOX_URL}/_sandbox/faults`)
  await notice.getByRole('button', { name: 'Retry' }).click()
  await expect(notice).toHaveCount(0)
  await expect(access.row('PlatformAdmin')).toBeVisible()
})
