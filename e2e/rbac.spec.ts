// The RBAC pages against the real sandbox: browse to an aggregated ClusterRole and see the ClusterRoles that feed
// it; open a subject; create a RoleBinding for a group through the form (the kubectl echo shown as it is filled),
// then prove with the group member's own token (STS AssumeRole, `aws eks get-token`, @kubernetes/client-node) that
// it now can, and after the delete (confirmed in a dialog) cannot. Screenshots (light and dark) of the list, a role,
// a subject, a binding and the form.
import type { Page } from '@playwright/test'

import { ROLE_ARNS, USER_ACCESS_KEYS } from '@/sandbox/core/seed-constants'

import { expect, test } from './fixtures'
import { RbacPage } from './pages/rbac-page'
import { assumeRole, connectToCluster, getTokenWithAwsCli } from './support/kube-probe'

const cluster = { region: 'us-west-2', name: 'prod-web' }
async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await page.screenshot({ path: `test-results/rbac-screens/${name}-${scheme}.png`, fullPage: true })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

/** TeamBDeveloper is in the Kubernetes group team-b-devs (RBAC only); its own token, as a developer would get it. */
async function teamBDeveloper() {
  const credentials = await assumeRole(USER_ACCESS_KEYS.alice, ROLE_ARNS.TeamBDeveloper)
  return connectToCluster(
    cluster.name,
    cluster.region,
    await getTokenWithAwsCli(cluster.name, cluster.region, credentials),
  )
}

test('browse an aggregated ClusterRole to its sources, and a subject to its bindings', async ({ page, signInAs }) => {
  test.setTimeout(90_000)
  await signInAs('viewer')
  const rbac = new RbacPage(page, cluster.region, cluster.name)
  await rbac.goto()
  await rbac.tab('ClusterRoles').click()
  await expect(rbac.tab('ClusterRoles')).toHaveAttribute('aria-current', 'page')
  await rbac.nameFilter().fill('platform-ops')
  await expect(rbac.rows()).toHaveCount(3)
  await expect(rbac.row('aggregated from 2')).toHaveCount(1)
  await shoot(page, 'list-cluster-roles')

  await rbac.row('aggregated from 2').getByRole('link', { name: 'platform-ops' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'ClusterRole platform-ops' })).toBeVisible()
  await expect(page.getByText('rbac.example.com/aggregate-to-platform-ops=true')).toBeVisible()
  const sources = page.getByRole('list', { name: 'Source ClusterRoles' })
  await expect(sources.getByRole('link')).toHaveText(['platform-ops-debug', 'platform-ops-nodes'])
  // Each rule names the ClusterRole it came from; pods/exec reads as a subresource.
  const rules = page.getByRole('table', { name: 'Rules of ClusterRole platform-ops' })
  await expect(rules.getByRole('row').filter({ hasText: 'exec' })).toContainText('platform-ops-debug')
  await expect(page.getByRole('table', { name: 'Bindings of ClusterRole platform-ops' })).toContainText('platform-ops')
  await expect(page.getByLabel('YAML of platform-ops', { exact: true })).toContainText('aggregationRule:')
  await shoot(page, 'cluster-role')

  await sources.getByRole('link', { name: 'platform-ops-nodes' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'ClusterRole platform-ops-nodes' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'platform-ops', exact: true })).toBeVisible()

  await rbac.goto('role-bindings')
  await expect(rbac.row('billing-deployer')).toContainText('missing: grants nothing')
  await shoot(page, 'list-role-bindings')

  await page.goto(rbac.path('?tab=subjects'))
  await rbac.nameFilter().fill('team-b-devs')
  // The filter commits after a pause in typing; click once it has (else its URL update would undo the navigation).
  await expect(rbac.rows()).toHaveCount(1)
  await rbac.row('team-b-devs').getByRole('link', { name: 'team-b-devs' }).click()
  await expect(page.getByRole('heading', { level: 2, name: /Group\s+team-b-devs/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'RoleBinding billing/billing-deployer' })).toBeVisible()
  await expect(page.getByText('missing: grants nothing')).toBeVisible()
  // The access entry that carries the group links to what its principal can do.
  await expect(page.getByRole('link', { name: 'TeamBDeveloper' })).toHaveAttribute(
    'href',
    /effective-access\?view=principal/,
  )
  await shoot(page, 'subject')
})

test('create a RoleBinding for a group through the form; the group member can, and after the delete cannot', async ({
  page,
  signInAs,
}) => {
  test.setTimeout(90_000)
  const kube = await teamBDeveloper()
  expect((await kube.listConfigMaps('team-a')).status).toBe(403)

  await signInAs('editor')
  const rbac = new RbacPage(page, cluster.region, cluster.name)
  await page.goto(rbac.path('/bindings/new?subjectKind=Group&subjectName=team-b-devs&namespace=team-a'))
  await expect(page.getByRole('heading', { level: 2, name: 'Create a binding on prod-web' })).toBeVisible()
  await expect(rbac.field('Subject name')).toHaveValue('team-b-devs')
  await rbac.field('Role name').fill('view')
  await expect(rbac.field('Binding name')).toHaveValue('team-b-devs-view')
  // The echo wraps at argument boundaries (` \\` continuations) so it fits beside the form.
  await expect(rbac.cliEcho()).toContainText(
    /kubectl create rolebinding team-b-devs-view[\s\\]*--clusterrole=view[\s\\]*--group=team-b-devs[\s\\]*-n team-a/,
  )
  await shoot(page, 'form')
  await page.getByRole('button', { name: 'Create RoleBinding' }).click()
  await expect(page.getByText('Created RoleBinding team-a/team-b-devs-view')).toBeVisible()

  expect((await kube.listConfigMaps('team-a')).status).toBe(200)

  await page.getByRole('link', { name: 'Open the binding' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'RoleBinding team-b-devs-view' })).toBeVisible()
  await shoot(page, 'binding')
  await page.getByRole('button', { name: 'Delete' }).click()
  const dialog = page.getByRole('dialog', { name: 'Delete RoleBinding team-a/team-b-devs-view?' })
  await expect(dialog).toContainText(/kubectl delete rolebinding team-b-devs-view[\s\\]*-n team-a/)
  await dialog.getByRole('button', { name: 'Delete RoleBinding' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'RBAC' })).toBeVisible()

  expect((await kube.listConfigMaps('team-a')).status).toBe(403)
})

test('a subject whose name holds a colon opens from its binding with its bindings listed', async ({
  page,
  signInAs,
}) => {
  await signInAs('viewer')
  const rbac = new RbacPage(page, cluster.region, cluster.name)
  // The link encodes `:` as %3A; the page must read the name back as team-b:EKSGetTokenAuth (before: the still
  // encoded name matched no binding, and the page said RBAC grants it nothing).
  await page.goto(rbac.path('/role-bindings/orders/team-b-configmaps'))
  await page.getByRole('link', { name: 'team-b:EKSGetTokenAuth' }).first().click()
  await expect(page.getByRole('heading', { level: 2, name: /User\s+team-b:EKSGetTokenAuth/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'RoleBinding orders/team-b-configmaps' })).toBeVisible()
  // A ClusterRole named system:… opens from the list as well.
  await page.goto(rbac.path('/cluster-roles/system%3Aaggregate-to-view'))
  await expect(page.getByRole('heading', { level: 2, name: 'ClusterRole system:aggregate-to-view' })).toBeVisible()
})
