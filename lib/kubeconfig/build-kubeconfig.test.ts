import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { buildKubeconfig, kubeconfigFileName, regionFromClusterArn, serializeKubeconfig } from './build-kubeconfig'
import { defaultKubeconfigOptions, kubeconfigOptionsSchema, kubeconfigSearchParams } from './kubeconfig-options'

const cluster = {
  name: 'ml-auto',
  arn: 'arn:aws:eks:us-west-2:111122223333:cluster/ml-auto',
  endpoint: 'https://9A7F.gr7.us-west-2.eks.amazonaws.com',
  caData: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t',
}

describe('serializeKubeconfig', () => {
  it('quotes every value a YAML 1.1 reader (kubectl) would turn into a boolean or number', () => {
    const text = serializeKubeconfig(
      buildKubeconfig(cluster, { ...defaultKubeconfigOptions, profile: 'y', alias: 'on', userAlias: '0755' }),
    )
    expect(text).toContain('value: "y"')
    expect(text).toContain('current-context: "on"')
    const doc = parse(text, { version: '1.1' })
    expect(doc['current-context']).toBe('on')
    expect(doc.users[0].name).toBe('0755')
    expect(doc.users[0].user.exec.env).toEqual([{ name: 'AWS_PROFILE', value: 'y' }])
  })

  it('keeps the CA on one line and names everything after the ARN by default', () => {
    const doc = parse(serializeKubeconfig(buildKubeconfig(cluster, defaultKubeconfigOptions)))
    expect(doc.clusters[0].cluster['certificate-authority-data']).toBe(cluster.caData)
    expect(doc.contexts[0]).toEqual({ name: cluster.arn, context: { cluster: cluster.arn, user: cluster.arn } })
    expect(doc.users[0].user.exec.env).toBeUndefined()
  })
})

describe('kubeconfigOptionsSchema', () => {
  it.each([
    { field: 'roleArn', value: 'arn:aws:iam::111122223333:role/eks-developer', ok: true },
    { field: 'roleArn', value: 'arn:aws:iam::111122223333:role/team/a/dev', ok: true },
    { field: 'roleArn', value: 'arn:aws:iam::111122223333:user/alice', ok: false },
    { field: 'roleArn', value: 'eks-developer', ok: false },
    { field: 'profile', value: 'dev', ok: true },
    { field: 'profile', value: 'my profile', ok: false },
    { field: 'alias', value: 'prod', ok: true },
    { field: 'alias', value: 'a b', ok: false },
    { field: 'userAlias', value: '', ok: true },
  ])('$field $value → $ok', ({ field, value, ok }) => {
    expect(kubeconfigOptionsSchema.safeParse({ ...defaultKubeconfigOptions, [field]: value }).success).toBe(ok)
  })

  it('trims and leaves unchosen options out of the URL', () => {
    const parsed = kubeconfigOptionsSchema.parse({ ...defaultKubeconfigOptions, alias: ' prod ' })
    expect(kubeconfigSearchParams(parsed).toString()).toBe('alias=prod')
  })
})

it('reads the region from the ARN and names the file', () => {
  expect(regionFromClusterArn('arn:aws:eks:eu-west-1:111122223333:cluster/eu-shop')).toBe('eu-west-1')
  expect(kubeconfigFileName({ name: 'ml-auto', region: 'us-west-2' })).toBe('ml-auto-us-west-2.kubeconfig.yaml')
})
