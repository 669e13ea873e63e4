// The aws-auth migration wizard on the CONFIG_MAP cluster (legacy-batch): an admin adds a mapping in the form,
// kubectl as that role works, the wizard migrates the cluster to API (entries created, mode switched through
// DescribeUpdate, aws-auth deleted); the same kubectl still works, aws-auth is gone, and the row the plan skipped is
// named in the result. It changes legacy-batch for good, so the sandbox is reset afterwards for the specs that follow.
import type { Page } from '@playwright/test'
import { parse, stringify } from 'yaml'

import { DELETED_ROLE_ARN, ROLE_ARNS, USER_ACCESS_KEYS, USER_ARNS } from '@/sandbox/core/seed-constants'
import { buildLegacyBatchAwsAuth } from '@/sandbox/kube/seed/aws-auth-seed'

import { expect, test } from './fixtures'
import { AwsAuthPage } from './pages/aws-auth-page'
import { runKubectl, setAwsAuthAsAdmin } from './support/aws-auth-admin'
import { assumeRole, getTokenWithAwsCli } from './support/kube-probe'
import { SANDBOX_URL } from './support/sandbox-url'

const legacy = { region: 'us-west-2', name: 'legacy-batch' }
const role = ROLE_ARNS.TeamADeveloper
const shoot = (page: Page, name: string, scheme: string) =>
  page.screenshot({ path: `test-results/aws-auth-screens/migration-${name}-${scheme}.png`, fullPage: true })

// The seed minus its two API blockers (the deleted role, the mapAccounts row), plus the console's own principal
// (user/admin created legacy-batch; that implicit admin ends with CONFIG_MAP) and an older duplicate of the auditor row,
// which the plan skips and the result must name.
function migratableAwsAuth(): Record<string, string> {
  const seed = buildLegacyBatchAwsAuth()
  const roles = (parse(seed.mapRoles ?? '[]') as { rolearn: string }[]).filter((r) => r.rolearn !== DELETED_ROLE_ARN)
  const duplicate = { rolearn: ROLE_ARNS.ReadOnlyAuditor, username: 'auditor-old', groups: [] }
  return {
    mapRoles: stringify([duplicate, ...roles]),
    mapUsers: stringify([
      ...(parse(seed.mapUsers ?? '[]') as unknown[]),
      { userarn: USER_ARNS.admin, username: 'console-admin', groups: ['system:masters'] },
    ]),
  }
}

async function resetSandbox() {
  const response = await fetch(`${SANDBOX_URL}/_sandbox/reset`, { method: 'POST' })
  expect(response.status).toBe(200)
}

test.afterAll(resetSandbox)

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`screenshots in ${colorScheme} mode`, () => {
    test.use({ colorScheme, viewport: { width: 1680, height: 1050 } })

    test('the plan, its blockers and the access comparison', async ({ page, signInAs }) => {
      await signInAs('admin')
      await page.goto(`/clusters/${legacy.region}/${legacy.name}/aws-auth/migrate`)
      // The seed as it is: the console is not mapped, so the wizard refuses to start.
      await expect(page.getByText('The console would lock itself out')).toBeVisible()
      await expect(page.getByRole('button', { name: 'Migrate to API_AND_CONFIG_MAP' })).toBeDisabled()
      await expect(page.getByText('Blockers for the API mode')).toBeVisible()
      await shoot(page, 'blocked', colorScheme)
      await setAwsAuthAsAdmin(legacy.name, legacy.region, migratableAwsAuth())
      await page.reload()
      const plan = page.getByRole('table', { name: /Migration plan/ })
      await expect(plan.getByRole('row').filter({ hasText: 'AmazonEKSFargatePodExecutionRole' })).toContainText(
        'FARGATE_LINUX',
      )
      await page.getByRole('button', { name: 'Compare access' }).click()
      const comparison = page.getByRole('table', { name: /Access before and after/ })
      await expect(comparison.getByRole('row').filter({ hasText: 'PlatformAdmin' })).toContainText('same access')
      await shoot(page, 'plan', colorScheme)
      await setAwsAuthAsAdmin(legacy.name, legacy.region, buildLegacyBatchAwsAuth())
    })
  })
}

test('an admin maps a role, migrates legacy-batch to API, and kubectl as that role still works', async ({
  page,
  signInAs,
}) => {
  test.setTimeout(120_000)
  await setAwsAuthAsAdmin(legacy.name, legacy.region, migratableAwsAuth())
  const credentials = await assumeRole(USER_ACCESS_KEYS.alice, role)
  const token = () => getTokenWithAwsCli(legacy.name, legacy.region, credentials)
  const kubectlTeamA = async () =>
    (await runKubectl(legacy.name, legacy.region, await token(), 'get', 'configmaps', '-n', 'team-a')).code

  await signInAs('admin')
  const awsAuth = new AwsAuthPage(page, legacy.region, legacy.name)
  await awsAuth.goto()
  await awsAuth.addButton().click()
  const dialog = awsAuth.dialog()
  await dialog.getByLabel('Role ARN (rolearn)').fill(role)
  await dialog.getByLabel('Kubernetes username').fill('team-a:{{SessionName}}')
  await dialog.getByLabel('Kubernetes groups').fill('team-a-devs')
  await dialog.getByRole('button', { name: 'Review change' }).click()
  await dialog.getByRole('button', { name: 'Apply change' }).click()
  await expect(dialog).toHaveCount(0)
  expect(await kubectlTeamA()).toBe(0)

  await page.getByRole('link', { name: 'Migrate to access entries' }).click()
  const plan = page.getByRole('table', { name: /Migration plan/ })
  await expect(plan.getByRole('row').filter({ hasText: 'TeamADeveloper' })).toContainText('STANDARD')
  await page.getByRole('radio', { name: /^API —/ }).check()
  await expect(page.getByRole('checkbox', { name: /Delete kube-system\/aws-auth/ })).toBeChecked()
  await page.getByRole('button', { name: 'Migrate to API' }).click()
  await expect(page.getByText('The cluster is on API')).toBeVisible({ timeout: 90_000 })
  await expect(page.getByRole('progressbar', { name: 'Migration progress' })).toHaveAttribute('aria-valuenow', '100')
  const notMigrated = page.getByRole('status').filter({ hasText: 'Not migrated' })
  await expect(notMigrated).toContainText(`mapRoles[0] ${ROLE_ARNS.ReadOnlyAuditor}: Duplicate of`)

  expect(await kubectlTeamA()).toBe(0)
  await awsAuth.goto()
  await expect(page.getByText('EKS ignores aws-auth on this cluster')).toBeVisible()
  await expect(page.getByText('This cluster has no kube-system/aws-auth ConfigMap.')).toBeVisible()
})
