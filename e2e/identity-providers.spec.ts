// An admin associates the sandbox's OIDC issuer with prod-web through the form; once ACTIVE, an ID token for
// dev@example.com (password grant) used by the real kubectl lists pods where a RoleBinding gives the prefixed
// group access, is Forbidden elsewhere, and gets 401 after the provider is disassociated. Screenshots light + dark.
import type { Page } from '@playwright/test'

import { USER_ACCESS_KEYS } from '@/sandbox/core/seed-constants'

import { expect, test } from './fixtures'
import { runKubectl } from './support/aws-auth-admin'
import { getTokenWithAwsCli } from './support/kube-probe'
import { passwordGrantIdToken, SANDBOX_ISSUER } from './support/oidc-issuer'

const cluster = { region: 'us-west-2', name: 'prod-web' }
const shoot = async (page: Page, name: string) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.screenshot({ path: `test-results/identity-provider-screens/${name}-${scheme}.png`, fullPage: true })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

test('associate the sandbox issuer, use its token with kubectl (RBAC only), disassociate: 401', async ({
  signInAs,
}) => {
  test.setTimeout(120_000)
  const page = await signInAs('admin')
  await page.goto(`/clusters/${cluster.region}/${cluster.name}/identity-providers`)
  await expect(page.getByRole('link', { name: 'Identity providers' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByText('No identity provider is associated')).toBeVisible()
  await page.getByRole('button', { name: 'Associate a provider' }).click()
  const form = page.getByRole('form', { name: 'Associate an identity provider' })

  // EKS's rules before the request: http issuer and a system: prefix are refused with EKS's words.
  await form.getByLabel('Configuration name').fill('example-sso')
  await form.getByLabel('Issuer URL').fill('http://127.0.0.1/oidc/example')
  await form.getByLabel('Client ID').fill('kubernetes')
  await form.getByLabel('Groups prefix').fill('system:oidc:')
  await form.getByRole('button', { name: 'Associate' }).click()
  await expect(form.getByText('The issuerUrl must be an https URL without a query string.')).toBeVisible()
  await expect(form.getByText('The groupsPrefix must not contain system:')).toBeVisible()
  await form.getByLabel('Issuer URL').fill(SANDBOX_ISSUER)
  await form.getByLabel('Groups prefix').fill('oidc:')
  await expect(form.getByText('aws eks associate-identity-provider-config')).toBeVisible()
  await shoot(page, 'form')
  await form.getByRole('button', { name: 'Associate' }).click()

  const table = page.getByRole('table', { name: 'OIDC identity providers' })
  await expect(table.getByRole('row', { name: /example-sso/ })).toContainText('ACTIVE', { timeout: 20_000 })
  await expect(page.getByRole('status').filter({ hasText: 'Associating example-sso: done.' })).toBeVisible()
  await expect(page.getByText('--group=oidc:team-a-devs')).toBeVisible()
  await shoot(page, 'page')

  // The RoleBinding the page offers, created with kubectl as the cluster's admin.
  const adminToken = await getTokenWithAwsCli(cluster.name, cluster.region, USER_ACCESS_KEYS.admin)
  const binding = await runKubectl(
    cluster.name,
    cluster.region,
    adminToken,
    'create',
    'rolebinding',
    'oidc-team-a-devs-view',
    '--clusterrole=view',
    '--group=oidc:team-a-devs',
    '--namespace=team-a',
  )
  expect(binding.code, binding.stderr).toBe(0)

  const idToken = await passwordGrantIdToken('dev@example.com', 'dev-sandbox')
  const inTeamA = await runKubectl(cluster.name, cluster.region, idToken, 'get', 'pods', '-n', 'team-a')
  expect(inTeamA.code, inTeamA.stderr).toBe(0)
  const inTeamB = await runKubectl(cluster.name, cluster.region, idToken, 'get', 'pods', '-n', 'team-b')
  expect(inTeamB.stderr).toContain('Forbidden')
  expect(inTeamB.stderr).toContain('User "dev@example.com"')

  await table.getByRole('button', { name: 'Disassociate example-sso' }).click()
  const dialog = page.getByRole('dialog', { name: 'Disassociate example-sso?' })
  await expect(dialog).toContainText('aws eks disassociate-identity-provider-config')
  await dialog.getByRole('button', { name: 'Disassociate' }).click()
  await expect(page.getByText('No identity provider is associated')).toBeVisible({ timeout: 20_000 })
  const after = await runKubectl(cluster.name, cluster.region, idToken, 'get', 'pods', '-n', 'team-a')
  expect(after.stderr).toContain('You must be logged in to the server')
})

test('a viewer sees the seeded provider on ml-auto without edit controls, and its kubeconfig', async ({ signInAs }) => {
  const page = await signInAs('viewer')
  await page.goto('/clusters/us-west-2/ml-auto/identity-providers')
  const table = page.getByRole('table', { name: 'OIDC identity providers' })
  await expect(table.getByRole('row', { name: /example-sso/ })).toContainText(SANDBOX_ISSUER)
  await expect(page.getByText('Only console admins can change providers.')).toBeVisible()
  await expect(page.getByRole('button', { name: /Disassociate/ })).toHaveCount(0)
  await page.goto('/clusters/us-west-2/ml-auto/kubeconfig')
  await expect(page.getByText(`--oidc-issuer-url=${SANDBOX_ISSUER}`)).toBeVisible()
  await shoot(page, 'kubeconfig')
})
