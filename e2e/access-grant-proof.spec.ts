// Issue 5's proof that a grant made through the form really works: as editor, grant TeamBDeveloper (no seeded entry on
// ml-auto) AmazonEKSEditPolicy on namespace team-a; then, as that role (STS AssumeRole with alice's keys, a token from
// `aws eks get-token`, @kubernetes/client-node with DescribeCluster's endpoint + CA), creating a ConfigMap in team-a
// succeeds and in team-b is Forbidden; delete the entry in the UI and the same call is denied.
import { ROLE_ARNS, USER_ACCESS_KEYS } from '@/sandbox/core/seed-constants'

import { expect, test } from './fixtures'
import { AccessPage, GrantAccessPage } from './pages/access-page'
import { assumeRole, connectToCluster, deleteAccessEntryIfPresent, getTokenWithAwsCli } from './support/kube-probe'

const cluster = { region: 'us-west-2', name: 'ml-auto' }
const role = ROLE_ARNS.TeamBDeveloper

// The shared e2e sandbox must not keep the entry if an assertion fails half way.
test.afterAll(async () => deleteAccessEntryIfPresent(cluster.name, cluster.region, role))

test('a namespace grant made in the form lets the role write in team-a only, and deleting it takes that away', async ({
  page,
  signInAs,
}) => {
  test.setTimeout(60_000)
  await deleteAccessEntryIfPresent(cluster.name, cluster.region, role)
  const configMap = `grant-proof-${Date.now()}`
  const credentials = await assumeRole(USER_ACCESS_KEYS.alice, role)
  const kube = await connectToCluster(
    cluster.name,
    cluster.region,
    await getTokenWithAwsCli(cluster.name, cluster.region, credentials),
  )
  // Before the grant the role has no entry on ml-auto (API mode): EKS does not authenticate it at all.
  expect((await kube.createConfigMap('team-a', configMap)).status).toBe(401)

  await signInAs('editor')
  await page.goto(`/clusters/${cluster.region}/${cluster.name}/access/grant`)
  const form = new GrantAccessPage(page)
  await form.fill({ principalArn: role, policy: 'AmazonEKSEditPolicy', namespaces: 'team-a' })
  await form.submit()
  await expect(page.getByText('Access granted')).toBeVisible()

  expect(await kube.createConfigMap('team-a', configMap)).toEqual({ status: 201 })
  const forbidden = await kube.createConfigMap('team-b', configMap)
  expect(forbidden.status).toBe(403)
  expect(forbidden.message).toMatch(/configmaps.*forbidden|forbidden.*configmaps/i)
  expect((await kube.deleteConfigMap('team-a', configMap)).status).toBe(200)

  const access = new AccessPage(page, cluster.region, cluster.name)
  await access.goto()
  await access.deleteButton('TeamBDeveloper').click()
  await expect(access.dialog().getByText('AmazonEKSEditPolicy')).toBeVisible()
  await access.dialog().getByRole('button', { name: 'Delete entry' }).click()
  await expect(access.dialog()).toHaveCount(0)
  await expect(access.row('TeamBDeveloper')).toHaveCount(0)

  // The same token, the same call: with the entry gone EKS no longer maps the role to anyone.
  const denied = await kube.createConfigMap('team-a', configMap)
  expect([401, 403]).toContain(denied.status)
})
