import {
  CreateOpenIDConnectProviderCommand,
  CreateRoleCommand,
  DeleteOpenIDConnectProviderCommand,
  DeleteRoleCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
} from '@aws-sdk/client-iam'

import { expect, test } from './fixtures'
import { ServiceAccountPage, WorkloadIdentityPage } from './pages/workload-identity-page'
import { SANDBOX_URL } from './support/sandbox-url'

// The SDK warns about Node 20 on every client; the warning is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

// The run shares one sandbox (playwright.config.ts): these tests use a role and service accounts of their own and
// restore what they change (legacy-batch has no IAM OIDC provider in the demo world), talking to the sandbox's IAM.
const iam = new IAMClient({
  endpoint: SANDBOX_URL,
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
})
const BROKEN_ROLE = 'e2e-wi-broken-trust'
const role = (name: string) => `arn:aws:iam::111122223333:role/${name}`

const LEGACY_ISSUER = 'https://oidc.eks.us-west-2.amazonaws.com/id/C4D2E6F8A0B1C3D5E7F9A2B4C6D8E0F1'

async function deleteLegacyProvider(): Promise<void> {
  const { OpenIDConnectProviderList = [] } = await iam.send(new ListOpenIDConnectProvidersCommand({}))
  for (const p of OpenIDConnectProviderList.filter((o) => o.Arn?.endsWith(LEGACY_ISSUER.slice('https://'.length)))) {
    await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: p.Arn }))
  }
}

test.afterAll(async () => {
  await iam.send(new DeleteRoleCommand({ RoleName: BROKEN_ROLE })).catch(() => undefined)
  await deleteLegacyProvider()
})

test('a viewer sees mappings and verdicts but no controls, and the write routes answer 403', async ({ signInAs }) => {
  const page = await signInAs('viewer')
  const wi = new WorkloadIdentityPage(page, 'us-west-2', 'prod-web')
  await wi.goto('?verdict=fail')
  await expect(wi.row('reports-job').getByText('Failing')).toBeVisible()
  await expect(wi.row('billing-api')).toHaveCount(0)
  await expect(wi.associateButton()).toHaveCount(0)
  await wi.row('orders-api').getByRole('link', { name: 'orders-api' }).click()
  await expect(page.getByText(/Pod Identity wins/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Edit association' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Fix trust policy/ })).toHaveCount(0)
  const writes = [
    page.request.post(wi.apiPath('pod-identity-associations'), { data: {} }),
    page.request.delete(wi.apiPath('pod-identity-associations', 'a-x')),
    page.request.patch(wi.apiPath('service-accounts', 'orders', 'orders-api'), { data: {} }),
    page.request.post(wi.apiPath('workload-identity', 'trust-fix'), { data: {} }),
    page.request.post(wi.apiPath('oidc-provider')),
    page.request.post(wi.apiPath('oidc-provider', 'client-ids'), { data: { audience: 'sts.amazonaws.com' } }),
    page.request.post('/api/iam/roles', { data: {} }),
  ]
  for (const response of await Promise.all(writes)) expect(response.status()).toBe(403)

  // The fix is shown, not offered: the diff and the command, without Apply.
  await wi.goto('?verdict=fail')
  await wi.row('reports-job').getByRole('link', { name: 'reports-job' }).click()
  await page.getByRole('button', { name: 'Show the fix…' }).click()
  const dialog = page.getByRole('dialog', { name: "The fix for the role's trust policy" })
  await expect(dialog.getByText(/added:\s+"sts:TagSession"/)).toBeVisible()
  await expect(dialog.getByText(/aws iam update-assume-role-policy/)).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Apply fix' })).toHaveCount(0)
  await expect(dialog.getByRole('button', { name: /^Copy the new trust policy/ })).toBeVisible()
  await dialog.getByRole('button', { name: 'Close' }).first().click()
  await expect(dialog).toHaveCount(0)
})

test('Pod Identity with a broken trust policy: the check fails, the fix makes it pass', async ({ signInAs }) => {
  // Pod Identity trust without sts:TagSession — the seed's reports-writer mistake, on a role of this test's own.
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  }
  await iam.send(new CreateRoleCommand({ RoleName: BROKEN_ROLE, AssumeRolePolicyDocument: JSON.stringify(trust) }))
  const page = await signInAs('editor')
  const wi = new WorkloadIdentityPage(page, 'us-west-2', 'prod-web')
  await wi.goto()
  await wi.associateButton().click()
  await wi.fillAssociation({ namespace: 'team-b', serviceAccount: 'e2e-reports', roleArn: role(BROKEN_ROLE) })
  await expect(wi.dialog().getByText('team-b/e2e-reports does not exist yet.')).toBeVisible()
  await expect(wi.dialog().getByText(/aws eks create-pod-identity-association/)).toBeVisible()
  await wi.dialog().getByRole('button', { name: 'Create association' }).click()
  await expect(page).toHaveURL(/\/resources\/service-accounts\/team-b\/e2e-reports$/)
  const sa = new ServiceAccountPage(page)
  const check = sa.check('Role trusts EKS Pod Identity')
  await expect(check.getByText('Failing')).toBeVisible()
  await expect(check.getByText(/sts:TagSession/)).toBeVisible()
  await check.getByRole('button', { name: 'Fix trust policy…' }).click()
  await expect(sa.dialog().getByText('Trust policy diff (+ added, - removed)')).toBeVisible()
  await expect(sa.dialog().getByText(/aws iam update-assume-role-policy/)).toBeVisible()
  await sa.dialog().getByRole('button', { name: 'Apply fix' }).click()
  await expect(sa.dialog()).toHaveCount(0)
  await expect(check.getByText('Healthy')).toBeVisible()
  await page.getByRole('button', { name: 'Delete association' }).click()
  await expect(sa.dialog().getByText(/lose the credentials of/)).toBeVisible()
  await sa.dialog().getByRole('button', { name: 'Delete association' }).click()
  await expect(page.getByText('No Pod Identity association.')).toBeVisible()
})

test('Pod Identity with a session policy: it needs session tags off, then shows on the service account', async ({
  signInAs,
}) => {
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }
  const page = await signInAs('editor')
  const wi = new WorkloadIdentityPage(page, 'us-west-2', 'prod-web')
  await wi.goto()
  await wi.associateButton().click()
  await wi.fillAssociation({ namespace: 'team-b', serviceAccount: 'e2e-scoped', roleArn: role('orders-s3-reader') })
  const policyField = wi.dialog().getByLabel('Session policy (optional)')
  await policyField.fill(JSON.stringify(policy, null, 2))
  await expect(wi.dialog().getByText(/--policy '\{"Version":"2012-10-17","Statement":\[/)).toBeVisible()
  await wi.dialog().getByRole('button', { name: 'Create association' }).click()
  await expect(policyField).toHaveAccessibleDescription(/needs session tags turned off/)
  await wi.dialog().getByLabel('Disable session tags').check()
  await wi.dialog().getByRole('button', { name: 'Create association' }).click()
  await expect(page).toHaveURL(/\/resources\/service-accounts\/team-b\/e2e-scoped$/)
  await expect(page.getByText('narrows the role (below)')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Copy session policy' })).toBeVisible()
  await expect(page.getByText('"Action": "s3:GetObject"')).toBeVisible()
  // Clearing the policy on edit removes it.
  await page.getByRole('button', { name: 'Edit association' }).click()
  const sa = new ServiceAccountPage(page)
  await sa.dialog().getByLabel('Session policy (optional)').fill('')
  await expect(sa.dialog().getByText(/--policy ''/)).toBeVisible()
  await sa.dialog().getByRole('button', { name: 'Save changes' }).click()
  await expect(sa.dialog()).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Copy session policy' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Delete association' }).click()
  await sa.dialog().getByRole('button', { name: 'Delete association' }).click()
  await expect(page.getByText('No Pod Identity association.')).toBeVisible()
})

test('IRSA on a cluster without an IAM OIDC provider: create the provider from the page', async ({ signInAs }) => {
  const page = await signInAs('editor')
  const wi = new WorkloadIdentityPage(page, 'us-west-2', 'legacy-batch')
  await wi.goto('?mechanism=irsa')
  await expect(wi.row('legacy-worker')).toBeVisible()
  await wi.irsaButton().click()
  await wi.dialog().getByLabel('Namespace', { exact: true }).selectOption('batch')
  await wi.dialog().getByLabel('Service account', { exact: true }).fill('default')
  await wi.dialog().getByRole('button', { name: 'Continue' }).click()
  await expect(page).toHaveURL(/\/resources\/service-accounts\/batch\/default\?edit=irsa$/)
  const sa = new ServiceAccountPage(page)
  await sa.dialog().getByLabel('IAM role ARN (eks.amazonaws.com/role-arn)').fill(role('billing-irsa'))
  await expect(sa.dialog().getByText(/kubectl annotate serviceaccount default/)).toBeVisible()
  await sa.dialog().getByRole('button', { name: 'Save annotations' }).click()
  const provider = sa.check("IAM OIDC provider for the cluster's issuer")
  await expect(provider.getByText('Failing')).toBeVisible()
  // A viewer gets the command instead of the button.
  // Without ?edit=irsa, which would open the annotation dialog again.
  const saPage = page.url().replace(/\?.*$/, '')
  await page.context().clearCookies()
  await signInAs('viewer')
  await page.goto(saPage)
  await expect(provider.getByText('Create it with the AWS CLI')).toBeVisible()
  await expect(provider.getByText(/aws iam create-open-id-connect-provider/)).toBeVisible()
  await expect(provider.getByRole('button', { name: 'Create IAM OIDC provider' })).toHaveCount(0)
  await page.context().clearCookies()
  await signInAs('editor')
  await page.goto(saPage)
  await provider.getByRole('button', { name: 'Create IAM OIDC provider' }).click()
  await sa.dialog().getByRole('button', { name: 'Create provider' }).click()
  await expect(provider.getByText('Healthy')).toBeVisible()
  // The annotation goes again (the provider is removed in afterAll).
  await page.getByRole('button', { name: 'Remove IRSA role' }).click()
  await sa.dialog().getByRole('button', { name: 'Remove IRSA role' }).click()
  await expect(page.getByText('No eks.amazonaws.com/role-arn annotation.')).toBeVisible()
})

test('IRSA with a provider that lacks the token audience: add it from the check', async ({ signInAs }) => {
  // legacy-batch's provider, but made for another audience (the earlier test may have left the right one behind).
  await deleteLegacyProvider()
  await iam.send(new CreateOpenIDConnectProviderCommand({ Url: LEGACY_ISSUER, ClientIDList: ['e2e-other-audience'] }))
  const page = await signInAs('editor')
  const sa = new ServiceAccountPage(page)
  await sa.goto('us-west-2', 'legacy-batch', 'legacy', 'legacy-worker')
  const provider = sa.check("IAM OIDC provider for the cluster's issuer")
  await expect(provider.getByText('Failing')).toBeVisible()
  await expect(provider.getByText(/client IDs \(e2e-other-audience\) do not include sts\.amazonaws\.com/)).toBeVisible()
  await provider.getByRole('button', { name: 'Add sts.amazonaws.com to the provider' }).click()
  await expect(sa.dialog().getByText(/aws iam add-client-id-to-open-id-connect-provider/)).toBeVisible()
  await sa.dialog().getByRole('button', { name: 'Add client ID' }).click()
  await expect(sa.dialog()).toHaveCount(0)
  await expect(provider.getByText('Healthy')).toBeVisible()
  await deleteLegacyProvider()
})
