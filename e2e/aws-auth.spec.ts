// The aws-auth page on the CONFIG_MAP cluster (legacy-batch): a viewer reads it, an admin adds a mapping for
// TeamADeveloper through the form and diff, and then the real kubectl and @kubernetes/client-node — with a token
// from `aws eks get-token` as that role — do what the mapping says (edit in team-a, nothing in team-b); removing it
// in the UI takes it away. Screenshots (light and dark) of the page, form, diff and a parse error.
import type { Page } from '@playwright/test'

import { ROLE_ARNS, USER_ACCESS_KEYS } from '@/sandbox/core/seed-constants'

import { expect, test } from './fixtures'
import { AwsAuthPage } from './pages/aws-auth-page'
import { editAwsAuthAsAdmin, runKubectl, setAwsAuthAsAdmin } from './support/aws-auth-admin'
import { assumeRole, connectToCluster, getTokenWithAwsCli } from './support/kube-probe'

const legacy = { region: 'us-west-2', name: 'legacy-batch' }
const role = ROLE_ARNS.TeamADeveloper
// Full page for the page itself; the viewport for dialogs (a full-page shot leaves the overlay short).
const shoot = (page: Page, name: string, scheme: string, fullPage = true) =>
  page.screenshot({ path: `test-results/aws-auth-screens/${name}-${scheme}.png`, fullPage })

test('a viewer reads the mappings, their meaning and the raw YAML, without edit controls', async ({ signInAs }) => {
  const page = await signInAs('viewer')
  const awsAuth = new AwsAuthPage(page, legacy.region, legacy.name)
  await awsAuth.goto()
  await expect(awsAuth.heading()).toBeVisible()
  await expect(page.getByRole('link', { name: 'aws-auth', exact: true })).toHaveAttribute('aria-current', 'page')
  await expect(awsAuth.row('mapRoles', 'AmazonEKSFargatePodExecutionRole')).toContainText('Fargate pod execution role')
  await expect(awsAuth.row('mapRoles', 'PlatformAdmin')).toContainText('Cluster admin via system:masters')
  await expect(awsAuth.row('mapRoles', 'eksNodeRole')).toContainText('Node role (Linux)')
  await expect(awsAuth.table('mapAccounts')).toContainText('444455556666')
  await expect(awsAuth.rawYaml()).toContainText('name: aws-auth')
  await expect(page.getByText('read-only: changing it needs the admin console role.')).toBeVisible()
  await expect(awsAuth.addButton()).toHaveCount(0)
  await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(0)
})

test('an admin adds a mapping in the form; kubectl as that role then does what the mapping says', async ({
  page,
  signInAs,
}) => {
  test.setTimeout(90_000)
  const credentials = await assumeRole(USER_ACCESS_KEYS.alice, role)
  const token = () => getTokenWithAwsCli(legacy.name, legacy.region, credentials)
  // Not in aws-auth yet: the authenticator maps the role to nobody.
  expect(
    (await runKubectl(legacy.name, legacy.region, await token(), 'get', 'configmaps', '-n', 'team-a')).code,
  ).not.toBe(0)

  await signInAs('admin')
  const awsAuth = new AwsAuthPage(page, legacy.region, legacy.name)
  await awsAuth.goto()
  await awsAuth.addButton().click()
  const dialog = awsAuth.dialog()
  // A pathed ARN is stripped on leaving the field, and the form says why.
  await dialog.getByLabel('Role ARN (rolearn)').fill(role.replace(':role/', ':role/teams/a/'))
  await dialog.getByLabel('Kubernetes username').click()
  await expect(dialog.getByLabel('Role ARN (rolearn)')).toHaveValue(role)
  await expect(dialog.getByText(/The path was removed from .*role sessions lose the path/)).toBeVisible()
  await dialog.getByLabel('Kubernetes username').fill('team-a:{{SessionName}}')
  await dialog.getByLabel('Kubernetes groups').fill('team-a-devs')
  await dialog.getByRole('button', { name: 'Review change' }).click()
  await expect(dialog.getByText('kube-system/aws-auth: before → after')).toBeVisible()
  await expect(dialog.getByText(`+ - rolearn: ${role}`)).toBeVisible()
  await expect(dialog.getByText('Equivalent eksctl command')).toBeVisible()
  await dialog.getByRole('button', { name: 'Apply change' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: 'Mapping added.' })).toBeVisible()
  await expect(awsAuth.row('mapRoles', 'TeamADeveloper')).toContainText('RBAC groups')

  const fresh = await token()
  const whoami = await runKubectl(
    legacy.name,
    legacy.region,
    fresh,
    'auth',
    'whoami',
    '-o',
    'jsonpath={.status.userInfo.username}',
  )
  expect(whoami).toMatchObject({ code: 0, stdout: 'team-a:e2e-proof' })
  expect((await runKubectl(legacy.name, legacy.region, fresh, 'get', 'configmaps', '-n', 'team-a')).code).toBe(0)
  const other = await runKubectl(legacy.name, legacy.region, fresh, 'get', 'configmaps', '-n', 'team-b')
  expect(other.stderr).toMatch(/forbidden/i)
  const kube = await connectToCluster(legacy.name, legacy.region, fresh)
  const name = `aws-auth-proof-${Date.now()}`
  expect(await kube.createConfigMap('team-a', name)).toEqual({ status: 201 })
  expect((await kube.createConfigMap('team-b', name)).status).toBe(403)
  expect((await kube.deleteConfigMap('team-a', name)).status).toBe(200)

  await awsAuth
    .row('mapRoles', 'TeamADeveloper')
    .getByRole('button', { name: `Remove ${role}` })
    .click()
  await dialog.getByRole('button', { name: 'Apply change' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(awsAuth.row('mapRoles', 'TeamADeveloper')).toHaveCount(0)
  expect(
    (await runKubectl(legacy.name, legacy.region, await token(), 'get', 'configmaps', '-n', 'team-a')).code,
  ).not.toBe(0)
})

test('removing the last system:masters mapping needs the cluster name typed', async ({ page, signInAs }) => {
  await signInAs('admin')
  const awsAuth = new AwsAuthPage(page, legacy.region, legacy.name)
  await awsAuth.goto()
  await awsAuth
    .row('mapRoles', 'PlatformAdmin')
    .getByRole('button', { name: /^Remove / })
    .click()
  const dialog = awsAuth.dialog()
  await expect(dialog.getByText(/removes the last system:masters mapping/)).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Apply change' })).toBeDisabled()
  await dialog.getByLabel('Type legacy-batch to apply it anyway').fill('legacy')
  await expect(dialog.getByRole('button', { name: 'Apply change' })).toBeDisabled()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
})

test.describe('a concurrent edit', () => {
  // The stale write is answered 409 on purpose; the browser logs the failed request.
  test.use({ allowConsoleErrors: [/status of 409/] })
  const mine = 'arn:aws:iam::111122223333:role/conflict-mine'
  const theirs = 'arn:aws:iam::111122223333:role/conflict-theirs'
  const withoutBoth = (data: Record<string, string>) => ({
    ...data,
    mapRoles: (data.mapRoles ?? '')
      .split(/(?=^- )/m)
      .filter((entry) => !entry.includes('conflict-'))
      .join(''),
  })
  test.afterAll(async () => editAwsAuthAsAdmin(legacy.name, legacy.region, withoutBoth))

  test('shows what changed meanwhile and re-applies the change on top', async ({ page, signInAs }) => {
    await signInAs('admin')
    const awsAuth = new AwsAuthPage(page, legacy.region, legacy.name)
    await awsAuth.goto()
    await awsAuth.addButton().click()
    const dialog = awsAuth.dialog()
    await dialog.getByLabel('Role ARN (rolearn)').fill(mine)
    await dialog.getByLabel('Kubernetes username').fill('mine')
    await dialog.getByRole('button', { name: 'Review change' }).click()
    await expect(dialog.getByText('kube-system/aws-auth: before → after')).toBeVisible()
    await editAwsAuthAsAdmin(legacy.name, legacy.region, (data) => ({
      ...data,
      mapRoles: `${data.mapRoles ?? ''}- rolearn: ${theirs}\n  username: theirs\n`,
    }))
    await dialog.getByRole('button', { name: 'Apply change' }).click()
    await expect(dialog.getByText('aws-auth changed since you loaded it')).toBeVisible()
    await expect(dialog.getByText('What changed meanwhile')).toBeVisible()
    await expect(dialog.getByText(`+ - rolearn: ${theirs}`)).toBeVisible()
    await dialog.getByRole('button', { name: 'Re-apply my change on top' }).click()
    await expect(dialog).toHaveCount(0)
    await expect(awsAuth.row('mapRoles', 'conflict-theirs')).toBeVisible()
    await expect(awsAuth.row('mapRoles', 'conflict-mine')).toBeVisible()
  })
})

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`screenshots in ${colorScheme} mode`, () => {
    test.use({ colorScheme, viewport: { width: 1680, height: 1050 } })

    test('page, form, diff and a parse error', async ({ page, signInAs }) => {
      await signInAs('admin')
      const awsAuth = new AwsAuthPage(page, legacy.region, legacy.name)
      await awsAuth.goto()
      await expect(awsAuth.row('mapRoles', 'eksNodeRole')).toBeVisible()
      await shoot(page, 'page', colorScheme)
      await awsAuth.addButton().click()
      const dialog = awsAuth.dialog()
      await dialog.getByLabel('Role ARN (rolearn)').fill('arn:aws:iam::111122223333:role/teams/Dev')
      await dialog.getByLabel('Kubernetes username').fill('dev:{{SessionNme}}')
      await dialog.getByRole('button', { name: 'Review change' }).click()
      await expect(dialog.getByText(/which the authenticator does not render/)).toBeVisible()
      await shoot(page, 'form', colorScheme, false)
      await dialog.getByLabel('Kubernetes username').fill('dev:{{SessionName}}')
      await dialog.getByLabel('Kubernetes groups').fill('devs, viewers')
      await dialog.getByRole('button', { name: 'Review change' }).click()
      await expect(dialog.getByText('kube-system/aws-auth: before → after')).toBeVisible()
      await shoot(page, 'diff', colorScheme, false)
      await dialog.getByRole('button', { name: 'Cancel' }).click()
      await dialog.getByRole('button', { name: 'Cancel' }).click()

      await setAwsAuthAsAdmin('eu-shop', 'eu-west-1', {
        mapRoles: '- rolearn: arn:aws:iam::111122223333:role/Shop\n  username: shop\n  groups: [shop-devs\n',
        mapUsers: '- userarn: arn:aws:iam::111122223333:user/carol\n  username: carol\n  groups: system:masters\n',
      })
      try {
        const broken = new AwsAuthPage(page, 'eu-west-1', 'eu-shop')
        await broken.goto()
        await expect(page.getByText(/mapRoles is not valid YAML \(line \d+, column \d+\)/)).toBeVisible()
        await expect(broken.rawYaml()).toContainText('groups: [shop-devs')
        await shoot(page, 'parse-error', colorScheme)
      } finally {
        await setAwsAuthAsAdmin('eu-shop', 'eu-west-1', null)
      }
    })
  })
}
