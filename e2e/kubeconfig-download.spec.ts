import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'

import { expect, test } from './fixtures'
import { KubeconfigPage } from './pages/kubeconfig-page'

const CLUSTER_ARN = 'arn:aws:eks:us-west-2:111122223333:cluster/ml-auto'
const ROLE = 'arn:aws:iam::111122223333:role/eks-developer'

test('a viewer downloads the kubeconfig of the Auto Mode cluster with a role', async ({ page, signInAs }) => {
  await signInAs('viewer')
  const kubeconfig = new KubeconfigPage(page)
  await kubeconfig.goto('us-west-2', 'ml-auto')
  await expect(page.getByRole('link', { name: 'Kubeconfig', exact: true })).toHaveAttribute('aria-current', 'page')

  await kubeconfig.roleArn().fill(ROLE)
  await expect(kubeconfig.yaml()).toContainText(`- ${ROLE}`)
  await expect(kubeconfig.command()).toContainText(`--role-arn ${ROLE}`)

  const download = await kubeconfig.download()
  expect(download.suggestedFilename()).toBe('ml-auto-us-west-2.kubeconfig.yaml')
  const file = parse(await readFile(await download.path(), 'utf8'), { version: '1.1' })
  expect(file).toMatchObject({
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': CLUSTER_ARN,
    preferences: {},
    clusters: [{ name: CLUSTER_ARN, cluster: { server: expect.stringMatching(/^https:\/\//) } }],
    contexts: [{ name: CLUSTER_ARN, context: { cluster: CLUSTER_ARN, user: CLUSTER_ARN } }],
  })
  expect(file.clusters[0].cluster['certificate-authority-data']).toMatch(/^[A-Za-z0-9+/]+=*$/)
  expect(file.users).toEqual([
    {
      name: CLUSTER_ARN,
      user: {
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1beta1',
          command: 'aws',
          args: [
            '--region',
            'us-west-2',
            'eks',
            'get-token',
            '--cluster-name',
            'ml-auto',
            '--output',
            'json',
            '--role',
            ROLE,
          ],
        },
      },
    },
  ])
})

test('invalid options are named on the field and disable the download', async ({ page, signInAs }) => {
  await signInAs('viewer')
  const kubeconfig = new KubeconfigPage(page)
  await kubeconfig.goto('us-west-2', 'ml-auto')
  await expect(kubeconfig.downloadLink()).toBeVisible()
  await kubeconfig.roleArn().fill('eks-developer')
  await expect(kubeconfig.roleArn()).toHaveAttribute('aria-invalid', 'true')
  await expect(kubeconfig.roleArn()).toHaveAccessibleDescription(/Enter an IAM role ARN/)
  await expect(kubeconfig.downloadLink()).toHaveCount(0)
  await kubeconfig.roleArn().fill('')
  await kubeconfig.contextName().fill('ml')
  await expect(kubeconfig.yaml()).toContainText('current-context: ml')
  await expect(kubeconfig.downloadLink()).toBeVisible()
})
