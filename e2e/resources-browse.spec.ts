import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

import { expect, test } from './fixtures'
import { ResourcesPage } from './pages/resources-page'
import { restrictConsoleAccess } from './support/resources-access'

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

test('pods: rows appear, filters narrow them and live in the URL (reload, back)', async ({ signInAs }) => {
  const page = await signInAs('viewer')
  const res = new ResourcesPage(page, 'us-west-2', 'prod-web')
  await res.goto('pods')
  await expect(res.rows().first()).toBeVisible()
  const all = await res.rows().count()
  expect(all).toBeGreaterThan(10)
  await expectNoSeriousAxeViolations(page)

  await res.statusFilter().selectOption('CrashLoopBackOff')
  await expect(page).toHaveURL(/status=CrashLoopBackOff/)
  await expect(res.rows().first()).toContainText('CrashLoopBackOff')
  await expect.poll(() => res.rows().count()).toBeLessThan(all)
  for (const text of await res.rows().allInnerTexts()) expect(text).toContain('CrashLoopBackOff')

  await page.reload()
  await expect(res.statusFilter()).toHaveValue('CrashLoopBackOff')
  await expect(res.rows().first()).toContainText('CrashLoopBackOff')

  await res.nameSearch('Pod').fill('coredns')
  await expect(page).toHaveURL(/q=coredns/)
  await expect(res.summary()).toHaveText(/^0 pods/)
  await page.goBack()
  await expect(res.nameSearch('Pod')).toHaveValue('')
  await expect(res.rows().first()).toContainText('CrashLoopBackOff')
})

test('pods: a deep link with namespaces and a label selector restores the view', async ({ signInAs }) => {
  const page = await signInAs('viewer')
  const res = new ResourcesPage(page, 'us-west-2', 'prod-web')
  await res.goto('pods', '?ns=kube-system&labels=app%3Dcoredns')
  await expect(res.rows().first()).toContainText('coredns')
  for (const text of await res.rows().allInnerTexts()) expect(text).toMatch(/coredns.*kube-system/s)
  await expect(page.getByRole('button', { name: /Namespaces: kube-system/ })).toBeVisible()
  await expect(page.getByLabel('Label selector')).toHaveValue('app=coredns')
})

test('drill-down: pod → node → its pods; pod → namespace and service account', async ({ signInAs }) => {
  const page = await signInAs('viewer')
  const res = new ResourcesPage(page, 'us-west-2', 'legacy-batch')
  await res.goto('pods', '?status=CrashLoopBackOff')
  const podLink = res.rows().first().getByRole('link').first()
  const podName = (await podLink.innerText()).trim()
  await podLink.click()
  await expect(page.getByRole('heading', { level: 2, name: `Pod ${podName}` })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Events' })).toBeVisible()
  await expect(page.getByText('BackOff', { exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: 'legacy-worker' })).toHaveAttribute(
    'href',
    '/clusters/us-west-2/legacy-batch/resources/service-accounts/legacy/legacy-worker',
  )
  await expect(page.getByRole('button', { name: `Copy the YAML of ${podName}` })).toBeVisible()
  await expectNoSeriousAxeViolations(page)

  const nodeLink = page.getByRole('link', { name: /compute\.internal$/ })
  const nodeName = (await nodeLink.innerText()).trim()
  await nodeLink.click()
  await expect(page.getByRole('heading', { level: 2, name: `Node ${nodeName}` })).toBeVisible()
  await expect(page.getByText('Managed node group')).toBeVisible()
  await expectNoSeriousAxeViolations(page)
  await page.getByRole('link', { name: /Pods on this node/ }).click()
  await expect(page).toHaveURL(new RegExp(`node=${nodeName}`))
  await expect(res.row(podName)).toBeVisible()
  // The table shows node names without the suffix all the cluster's nodes share.
  const shortName = nodeName.replace(/\.us-west-2\.compute\.internal$/, '')
  for (const text of await res.rows().allInnerTexts()) expect(text).toContain(shortName)
  await expect(res.row(podName).getByRole('link', { name: shortName, exact: true })).toHaveAttribute('title', nodeName)
})

test('nodes and namespaces: rows, search, counts and links to their pods', async ({ signInAs }) => {
  const page = await signInAs('viewer')
  const res = new ResourcesPage(page, 'us-west-2', 'ml-auto')
  await res.goto('nodes')
  await expect(res.rows()).toHaveCount(5)
  await expect(res.rows().first()).toContainText('Auto Mode')
  await expect(res.rows().first().getByTitle('Auto Mode node pool')).toBeVisible()
  await expectNoSeriousAxeViolations(page)

  await res.goto('namespaces')
  await expect(res.row('ml-serving')).toBeVisible()
  await expectNoSeriousAxeViolations(page)
  await res.nameSearch('Namespace').fill('ml-')
  await expect(page).toHaveURL(/q=ml-/)
  await expect(res.rows()).toHaveCount(2)
  await res.row('ml-serving').getByRole('link', { name: '3' }).click()
  await expect(page).toHaveURL(/resources\/pods\?ns=ml-serving/)
  await expect(res.rows()).toHaveCount(3)
  await expect(res.row('ImagePullBackOff')).toBeVisible()
})

test('a namespace the console may not list is said in place, not a failed page', async ({ signInAs }) => {
  const restore = await restrictConsoleAccess('eu-west-1', 'eu-shop', [
    'shop-*',
    'kube-system',
    'default',
    'team-a',
    'team-b',
  ])
  try {
    const page = await signInAs('viewer')
    const res = new ResourcesPage(page, 'eu-west-1', 'eu-shop')
    await res.goto('pods')
    await expect(page.getByText(/No permission to list pods in namespace payments/)).toBeVisible()
    await expect(page.getByText(/No permission to list pods across the cluster/)).toBeVisible()
    await expect(res.row('storefront').first()).toBeVisible()
    await expect(res.row('payments-gateway')).toHaveCount(0)
    await expectNoSeriousAxeViolations(page)

    await res.goto('namespaces')
    await expect(res.row('payments')).toContainText('no permission to list pods')
    await expect(res.row('shop-web').getByRole('link', { name: '3' })).toBeVisible()
  } finally {
    await restore()
  }
})
