// Findings against the sandbox's seeded world: the all-clusters page lists the seeded risky bindings, aws-auth
// system:masters rows and the prod-web entry that grants nothing, with evidence and fix links; a fix link leads to the
// entry's policies dialog, where associating a policy removes the finding after a refresh. Screenshots (light and
// dark) at 1280 px.
import { DisassociateAccessPolicyCommand, EKSClient } from '@aws-sdk/client-eks'
import type { Page } from '@playwright/test'

import { ROLE_ARNS, USER_ACCESS_KEYS } from '@/sandbox/core/seed-constants'

import { expect, test } from './fixtures'
import { FindingsPage } from './pages/findings-page'
import { SANDBOX_URL } from './support/sandbox-url'

const prod = { region: 'us-west-2', name: 'prod-web' }
const viewPolicy = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy'
// The viewport (1280 × 900), not the full page: the seeded world has about ninety findings.
const shoot = (page: Page, name: string, scheme: string) =>
  page.screenshot({ path: `test-results/findings-screens/${name}-${scheme}.png` })

test.use({ viewport: { width: 1280, height: 900 } })

test('the findings page lists the seeded findings across clusters, with evidence and fix links', async ({
  page,
  signInAs,
}) => {
  // Each cluster is read once (the scale-free demo world: a few seconds), then the report is cached.
  test.setTimeout(90_000)
  await signInAs('viewer')
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Findings' }).click()
  const findings = new FindingsPage(page)
  await findings.loaded()
  await expect(page.getByRole('heading', { level: 1, name: 'Findings' })).toBeVisible()
  await expect(findings.row('Group ci-deployers', 'Lists Secrets')).toHaveCount(1)
  await expect(findings.row('aws-auth maps a principal into system:masters', 'PlatformAdmin')).toHaveCount(2)
  await expect(findings.row('BreakGlassAdmin', 'neither an access policy nor a Kubernetes group')).toHaveCount(1)
  await expect(findings.row('RoleBinding billing/billing-deployer')).toHaveCount(1)

  const secrets = findings.row('Group ci-deployers', 'Lists Secrets')
  await secrets.getByRole('button', { name: /Lists Secrets/ }).click()
  await expect(secrets.getByRole('button', { name: /Lists Secrets/ })).toHaveAttribute('aria-expanded', 'true')
  await expect(
    page.getByText('group ci-deployers → ClusterRoleBinding ci-secret-reader → ClusterRole secret-reader, rule 1'),
  ).toBeVisible()
  await expect(secrets.getByRole('link', { name: /Fix/ })).toHaveAttribute(
    'href',
    '/clusters/us-west-2/prod-web/rbac/cluster-role-bindings/ci-secret-reader',
  )
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.evaluate(() => window.scrollTo(0, 0))
    await shoot(page, 'all-clusters', scheme)
    await secrets.scrollIntoViewIfNeeded()
    await shoot(page, 'evidence', scheme)
  }

  // Filters live in the URL; the per-severity counts stay those of everything.
  await findings.filter('Rule').selectOption('aws-auth-system-masters')
  await expect(page).toHaveURL(/rule=aws-auth-system-masters/)
  await expect(findings.row('Lists Secrets')).toHaveCount(0)
  await expect(findings.row('PlatformAdmin')).toHaveCount(2)
  await findings.filter('Cluster').selectOption({ label: 'prod-web · us-west-2' })
  await expect(findings.row('PlatformAdmin')).toHaveCount(1)

  // One cluster's tab.
  const tab = new FindingsPage(page, prod)
  await tab.goto()
  await expect(
    page.getByRole('navigation', { name: 'Cluster sections' }).getByRole('link', { name: 'Findings' }),
  ).toHaveAttribute('aria-current', 'page')
  await expect(tab.row('legacy-batch')).toHaveCount(0)
  await tab.goto('?rule=subjects-with-non-existing-roles')
  await expect(tab.row('RoleBinding billing/billing-deployer')).toHaveCount(1)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await tab.goto('?rule=access-entry-without-permissions&severity=critical')
    await expect(page.getByText('No finding matches these filters.')).toBeVisible()
    await shoot(page, 'cluster-empty', scheme)
  }
  // A rule with no finding (all fixed, or a shared link): the select still shows it. Before, it read "All rules"
  // over the empty, still filtered list.
  await tab.goto('?rule=escalate_roles')
  await expect(page.getByText('No finding matches these filters.')).toBeVisible()
  await expect(tab.filter('Rule')).toHaveValue('escalate_roles')
})

test('a finding’s fix opens the entry’s policies dialog, and the fix removes the finding', async ({
  page,
  signInAs,
}) => {
  test.setTimeout(90_000)
  await signInAs('editor')
  const findings = new FindingsPage(page, prod)
  const eks = new EKSClient({
    endpoint: SANDBOX_URL,
    region: prod.region,
    credentials: USER_ACCESS_KEYS.admin,
  })
  try {
    await findings.goto('?rule=access-entry-without-permissions')
    const row = findings.row('BreakGlassAdmin')
    await expect(row).toHaveCount(1)
    await row.getByRole('link', { name: /Fix/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Access policies of BreakGlassAdmin' })
    await expect(dialog).toBeVisible()
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await shoot(page, 'fix-dialog', scheme)
    }
    await dialog.getByLabel('Access policy').selectOption(viewPolicy)
    await dialog.getByLabel('Namespaces', { exact: true }).fill('team-a')
    await dialog.getByRole('button', { name: 'Add policy' }).click()
    await expect(dialog.getByRole('button', { name: 'Remove AmazonEKSViewPolicy' })).toBeVisible()
    // The footer's Close (the corner × is named Close too).
    await dialog.getByRole('button', { name: 'Close' }).last().click()
    await expect(page).not.toHaveURL(/dialog=policies/)

    await findings.goto('?rule=access-entry-without-permissions')
    await findings.refresh()
    await expect(findings.row('BreakGlassAdmin')).toHaveCount(0)
    await expect(page.getByText('No finding matches these filters.')).toBeVisible()
  } finally {
    await eks
      .send(
        new DisassociateAccessPolicyCommand({
          clusterName: prod.name,
          principalArn: ROLE_ARNS.BreakGlassAdmin,
          policyArn: viewPolicy,
        }),
      )
      .catch(() => undefined)
  }
})

test('an existing entry’s fix opens its policies dialog prefilled with the policy and scope', async ({
  page,
  signInAs,
}) => {
  await signInAs('editor')
  const findings = new FindingsPage(page, prod)
  await findings.goto('?rule=risky-list-secrets')
  await findings.row('TeamADeveloper').getByRole('link', { name: /Fix/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Access policies of TeamADeveloper' })
  await expect(dialog.getByLabel('Access policy')).toHaveValue(/AmazonEKSEditPolicy/)
  await expect(dialog.getByLabel('Namespaces', { exact: true })).toHaveValue('team-a')
})

test.describe('a cluster that cannot be read', () => {
  test.afterEach(async ({ request }) => {
    await request.delete(`${SANDBOX_URL}/_sandbox/faults`)
  })

  test('is shown with its error beside the other clusters’ findings', async ({ page, signInAs, request }) => {
    test.setTimeout(90_000)
    await signInAs('viewer')
    const findings = new FindingsPage(page)
    await findings.goto()
    await request.put(`${SANDBOX_URL}/_sandbox/faults`, {
      data: {
        faults: [
          { service: 'kube', pathContains: 'legacy-batch/apis/rbac.authorization.k8s.io', kind: 'error', status: 503 },
        ],
      },
    })
    await findings.refresh()
    const alert = page.getByRole('alert').filter({ hasText: 'legacy-batch (us-west-2) could not be evaluated' })
    await expect(alert).toBeVisible()
    await expect(findings.row('prod-web').first()).toBeVisible()
    await expect(findings.row('legacy-batch')).toHaveCount(0)
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await alert.scrollIntoViewIfNeeded()
      await shoot(page, 'unreachable-cluster', scheme)
    }
  })
})
