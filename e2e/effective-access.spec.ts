// The effective-access analyzer against the real sandbox cluster: TeamADeveloper's entry on prod-web holds
// AmazonEKSEditPolicy scoped to team-a. As that role (STS AssumeRole, `aws eks get-token`, @kubernetes/client-node),
// creating a ConfigMap in team-b is Forbidden; pasting kubectl's error into "Why Forbidden?" names the scope as the
// refusing step, and the fix the page offers — its CLI command, run as the console admin with the real aws CLI — lets
// the same token in. Screenshots (light and dark) of the answer, the principal matrix and who-can.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { AssociateAccessPolicyCommand, EKSClient } from '@aws-sdk/client-eks'
import type { Page } from '@playwright/test'

import { ROLE_ARNS, USER_ACCESS_KEYS } from '@/sandbox/core/seed-constants'

import { expect, test } from './fixtures'
import { runKubectl } from './support/aws-auth-admin'
import { assumeRole, connectToCluster, getTokenWithAwsCli } from './support/kube-probe'
import { SANDBOX_URL } from './support/sandbox-url'

const run = promisify(execFile)
const cluster = { region: 'us-west-2', name: 'prod-web' }
const role = ROLE_ARNS.TeamADeveloper
const editPolicy = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy'
const base = `/clusters/${cluster.region}/${cluster.name}/effective-access`
const shoot = (page: Page, name: string, scheme: string) =>
  page.screenshot({ path: `test-results/effective-access-screens/${name}-${scheme}.png`, fullPage: true })

/** Runs the page's CLI fix (a shell command with line continuations) with the aws CLI as the sandbox admin. */
async function runAsConsoleAdmin(command: string): Promise<void> {
  await run('bash', ['-c', command], {
    env: {
      NODE_ENV: 'test',
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      AWS_ACCESS_KEY_ID: USER_ACCESS_KEYS.admin.accessKeyId,
      AWS_SECRET_ACCESS_KEY: USER_ACCESS_KEYS.admin.secretAccessKey,
      AWS_ENDPOINT_URL: SANDBOX_URL,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    },
  })
}

/** kubectl as the sandbox admin on prod-web (RBAC set up beside the console, as a platform team would). */
async function kubectlAsAdmin(...args: string[]): Promise<void> {
  const token = await getTokenWithAwsCli(cluster.name, cluster.region, USER_ACCESS_KEYS.admin)
  const result = await runKubectl(cluster.name, cluster.region, token, ...args)
  if (result.code !== 0) throw new Error(`kubectl ${args.join(' ')}: ${result.stderr}`)
}

// TeamBDeveloper's username is team-b:{{SessionName}}; `aws eks get-token` renders it team-b:EKSGetTokenAuth. One
// Secret by name in orders, bound before any test reads the cluster (the console reuses its snapshot a few seconds).
const namedSecret = { role: 'e2e-one-secret', secret: 'orders-db', namespace: 'orders' }
test.beforeAll(async () => {
  await kubectlAsAdmin(
    ...['create', 'role', namedSecret.role, '-n', namedSecret.namespace, '--verb=get', '--resource=secrets'],
    `--resource-name=${namedSecret.secret}`,
  )
  await kubectlAsAdmin(
    ...['create', 'rolebinding', namedSecret.role, '-n', namedSecret.namespace, `--role=${namedSecret.role}`],
    '--user=team-b:EKSGetTokenAuth',
  )
})

// The seed's scope again, for the specs that follow (associating a policy again replaces its scope).
test.afterAll(async () => {
  await kubectlAsAdmin('delete', 'rolebinding,role', namedSecret.role, '-n', namedSecret.namespace)
  const eks = new EKSClient({ endpoint: SANDBOX_URL, region: cluster.region, credentials: USER_ACCESS_KEYS.admin })
  await eks.send(
    new AssociateAccessPolicyCommand({
      clusterName: cluster.name,
      principalArn: role,
      policyArn: editPolicy,
      accessScope: { type: 'namespace', namespaces: ['team-a'] },
    }),
  )
})

test("why Forbidden names a scoped entry's scope, and the fix it offers lets the role in", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(90_000)
  const credentials = await assumeRole(USER_ACCESS_KEYS.alice, role)
  const kube = await connectToCluster(
    cluster.name,
    cluster.region,
    await getTokenWithAwsCli(cluster.name, cluster.region, credentials),
  )
  const configMap = `why-forbidden-${Date.now()}`
  const refused = await kube.createConfigMap('team-b', configMap)
  expect(refused.status).toBe(403)

  await signInAs('viewer')
  await page.goto(`${base}?view=why-forbidden`)
  // client-node hands over the Status body; kubectl prints its message after "Error from server (Forbidden): ".
  const status = JSON.parse(refused.message ?? '{}') as { message?: string }
  expect(status.message).toMatch(/cannot create resource "configmaps" .* in the namespace "team-b"/)
  await page.getByLabel("kubectl's error").fill(`Error from server (Forbidden): ${status.message}`)
  await page.getByRole('button', { name: 'Explain' }).click()
  await expect(
    page.getByRole('alert').filter({ hasText: "the access policy's scope leaves this namespace out" }),
  ).toBeVisible()
  await expect(page.getByText('its scope (team-a) does not include namespace team-b')).toBeVisible()
  // The innermost section under the "The fix" heading (the whole view is a section too).
  const fix = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: 'The fix', exact: true }) })
    .last()
  await expect(fix).toContainText('Add team-b to the scope of AmazonEKSEditPolicy.')
  const command = await fix.locator('pre').innerText()
  expect(command).toContain('aws eks associate-access-policy')
  expect(command).toContain('team-a')
  expect(command).toContain('team-b')
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await shoot(page, 'why-forbidden', scheme)
  }

  await runAsConsoleAdmin(command)
  expect(await kube.createConfigMap('team-b', configMap)).toEqual({ status: 201 })
  expect((await kube.deleteConfigMap('team-b', configMap)).status).toBe(200)
})

test('the principal matrix and who-can answer from the same cluster, with the paths', async ({ page, signInAs }) => {
  await signInAs('viewer')
  await page.goto(`${base}?view=principal&principalArn=${encodeURIComponent(ROLE_ARNS.TeamBDeveloper)}`)
  await expect(page.getByText('team-b-devs').first()).toBeVisible()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await shoot(page, 'principal', scheme)
  }
  // A session name renders the templated username (read back into its field from the URL).
  await page.goto(
    `${base}?view=principal&principalArn=${encodeURIComponent(ROLE_ARNS.TeamBDeveloper)}&sessionName=alice`,
  )
  await expect(page.getByLabel('Session name (optional)')).toHaveValue('alice')
  await expect(page.getByText(/team-b:alice\b/).first()).toBeVisible()
  await page.goto(`${base}?view=who-can&verb=delete&resource=pods&namespace=team-a`)
  await expect(page.getByText('PlatformAdmin').first()).toBeVisible()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await shoot(page, 'who-can', scheme)
  }
})

test('who-can at 1280 px: the Why column stays inside its table, and every path opens below it', async ({
  page,
  signInAs,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await signInAs('viewer')
  await page.goto(`${base}?view=who-can&verb=delete&resource=pods&namespace=team-a`)
  const table = page.getByRole('region', { name: 'IAM principals that can (scrollable)' })
  await expect(table.getByText(ROLE_ARNS.PlatformAdmin).first()).toBeVisible()
  // Cut before: the Why column pushed the table wider than the page, so the paths ran off its right edge.
  expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0)
  const open = table.getByRole('button', { name: new RegExp(`of ${ROLE_ARNS.PlatformAdmin}$`) })
  await open.click()
  await expect(open).toHaveAttribute('aria-expanded', 'true')
  const paths = page.getByRole('list', { name: `Paths of ${ROLE_ARNS.PlatformAdmin}` })
  await expect(paths.getByText(/AmazonEKSClusterAdminPolicy cluster-wide/)).toBeVisible()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await shoot(page, 'who-can-1280', scheme)
  }
})

test('at 1024 px the matrix and who-can scroll inside their frames, not the page', async ({ page, signInAs }) => {
  await page.setViewportSize({ width: 1024, height: 800 })
  await signInAs('viewer')
  const pageOverflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  // Before: the cells' screen-reader labels (position: absolute) escaped the tables' scroll frames and widened the
  // page by 80-130 px, so the whole page scrolled sideways.
  await page.goto(`${base}?view=principal&principalArn=${encodeURIComponent(role)}`)
  await expect(page.getByRole('table', { name: /Permissions/ }).first()).toBeVisible()
  expect(await pageOverflow()).toBeLessThanOrEqual(0)
  await page.goto(`${base}?view=who-can&verb=get&resource=configmaps&namespace=orders`)
  await expect(page.getByRole('region', { name: 'IAM principals that can (scrollable)' })).toBeVisible()
  expect(await pageOverflow()).toBeLessThanOrEqual(0)
})

test('who-can asks about a non-resource URL typed into the Resource field', async ({ page, signInAs }) => {
  await signInAs('viewer')
  await page.goto(`${base}?view=who-can`)
  await page.getByLabel('Verb', { exact: true }).fill('get')
  // Before: the field refused "/metrics" (a resource is lower-case…) though the error asked for a non-resource URL.
  await page.getByLabel('Resource', { exact: true }).fill('/metrics')
  await page.getByRole('button', { name: 'Ask' }).click()
  await expect(page).toHaveURL(/nonResourceURL=%2Fmetrics/)
  await expect(page.getByRole('heading', { name: /IAM principals \(\d+\)/ })).toBeVisible()
  await expect(page.getByText('ServiceAccount analytics/prometheus').first()).toBeVisible()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await shoot(page, 'who-can-non-resource-url', scheme)
  }
  // The question read back from the URL fills the same field.
  await page.reload()
  await expect(page.getByLabel('Resource', { exact: true })).toHaveValue('/metrics')
})

test('why Forbidden takes an object name and a non-resource URL in its form', async ({ page, signInAs }) => {
  await signInAs('viewer')
  await page.goto(`${base}?view=why-forbidden`)
  const ask = async (request: { resource: string; namespace?: string; name?: string; sessionName?: string }) => {
    await page.getByLabel('IAM role or user ARN').fill(ROLE_ARNS.TeamBDeveloper)
    await page.getByLabel('Session name (optional)').fill(request.sessionName ?? '')
    await page.getByLabel('Verb', { exact: true }).fill('get')
    await page.getByLabel('Resource', { exact: true }).fill(request.resource)
    await page.getByLabel('Namespace (optional)').fill(request.namespace ?? '')
    await page.getByLabel('Object name (optional)').fill(request.name ?? '')
    await page.getByRole('button', { name: 'Explain' }).click()
  }
  // The Role names one Secret (resourceNames): the form can now ask about that object, and about another one.
  await ask({ resource: 'secrets', namespace: namedSecret.namespace, name: namedSecret.secret })
  await expect(page).toHaveURL(new RegExp(`name=${namedSecret.secret}`))
  await expect(page.getByRole('status').filter({ hasText: 'It is allowed now' })).toBeVisible()
  // The binding names the user one session renders to: the path says which session it holds for.
  await expect(
    page
      .getByRole('list', { name: 'Why it is allowed' })
      .getByText(/RoleBinding orders\/e2e-one-secret .*\(only for the session named EKSGetTokenAuth\)/),
  ).toBeVisible()
  // Its username is templated (team-b:{{SessionName}}): with the session named, the cluster is asked too.
  await expect(
    page.getByText(/cross-check with a SubjectAccessReview: not made .*enter the session name/),
  ).toBeVisible()
  await ask({
    resource: 'secrets',
    namespace: namedSecret.namespace,
    name: namedSecret.secret,
    sessionName: 'EKSGetTokenAuth',
  })
  await expect(page).toHaveURL(/sessionName=EKSGetTokenAuth/)
  await expect(page.getByText('Signs in as team-b:EKSGetTokenAuth', { exact: false })).toBeVisible()
  await expect(page.getByText('RBAC cross-check with a SubjectAccessReview: the cluster agrees.')).toBeVisible()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await shoot(page, 'why-forbidden-object-name', scheme)
  }
  await ask({ resource: 'secrets', namespace: namedSecret.namespace, name: 'payments-db' })
  await expect(page.getByRole('alert').filter({ hasText: 'Refused: no RBAC rule allows this' })).toBeVisible()
  // A non-resource URL goes in the Resource field, as in Who-can, and reaches the query as nonResourceURL.
  await ask({ resource: '/metrics' })
  await expect(page).toHaveURL(/nonResourceURL=%2Fmetrics/)
  await expect(page.getByRole('alert').filter({ hasText: 'get /metrics' })).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Resource', { exact: true })).toHaveValue('/metrics')
})

test('the principal matrix shows non-resource URLs and a grant limited to one object by name', async ({
  page,
  signInAs,
}) => {
  await signInAs('viewer')
  await page.goto(`${base}?view=principal&principalArn=${encodeURIComponent(ROLE_ARNS.TeamBDeveloper)}`)
  // Cluster-wide: Kubernetes' own system:discovery binding (every authenticated identity) allows GET /api/* …
  const urls = page.getByRole('table', { name: 'Non-resource URLs, cluster-wide' })
  await expect(urls.getByRole('rowheader', { name: '/api/*', exact: true })).toBeVisible()
  const discovery = urls.getByRole('button', { name: 'get /api/*: allowed. Show why.' })
  await discovery.click()
  await expect(page.getByRole('list', { name: 'Why it is allowed' })).toContainText(
    'group system:authenticated → ClusterRoleBinding system:discovery → ClusterRole system:discovery, rule 1',
  )
  // … and nothing grants POST there, nor GET /metrics (only the prometheus service account's ClusterRole does).
  await expect(urls.getByText('post /api/*: not allowed')).toBeAttached()
  await expect(urls.getByText('get /metrics: not allowed')).toBeAttached()
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await shoot(page, 'principal-non-resource-urls', scheme)
  }

  // In orders: the Role lists resourceNames, so "get secrets" is allowed for orders-db only, and list is not.
  // The select sits inside its label, so its name also carries the chosen option.
  await page.getByRole('combobox', { name: /^Namespace\b/ }).selectOption(namedSecret.namespace)
  const grid = page.getByRole('table', { name: `Permissions in namespace ${namedSecret.namespace}` })
  const only = grid.getByRole('button', { name: /^get secrets: allowed only for orders-db, risky \(read-secrets\)/ })
  await expect(only).toHaveText('only orders-db')
  await expect(grid.getByText('list secrets: not allowed')).toBeAttached()
  await only.click()
  await expect(page.getByText('get secrets in orders: only orders-db')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Why it is allowed' })).toContainText(
    `user team-b:EKSGetTokenAuth → RoleBinding orders/${namedSecret.role} → Role orders/${namedSecret.role}, rule 1`,
  )
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await shoot(page, 'principal-resource-names', scheme)
  }
})
