import { describe, expect, it } from 'vitest'

import { eksOperationName, matchEksRoute, splitRawPath } from './router'

const enc = (s: string): string => encodeURIComponent(s)
const ROLE = 'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/us-west-2/AWSReservedSSO_DevOps_0a1b'
const POLICY = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy'

describe('matchEksRoute', () => {
  it.each([
    ['GET', '/clusters', 'ListClusters', {}],
    ['GET', '/clusters/prod-web', 'DescribeCluster', { name: 'prod-web' }],
    ['POST', '/clusters/prod-web/update-config', 'UpdateClusterConfig', { name: 'prod-web' }],
    ['GET', '/clusters/prod-web/updates/u-1', 'DescribeUpdate', { name: 'prod-web', updateId: 'u-1' }],
    [
      'GET',
      '/clusters/prod-web/node-groups/general',
      'DescribeNodegroup',
      { name: 'prod-web', nodegroupName: 'general' },
    ],
    ['GET', '/clusters/c/addons/vpc-cni', 'DescribeAddon', { name: 'c', addonName: 'vpc-cni' }],
    ['POST', '/clusters/c/access-entries', 'CreateAccessEntry', { name: 'c' }],
    ['GET', `/clusters/c/access-entries/${enc(ROLE)}`, 'DescribeAccessEntry', { name: 'c', principalArn: ROLE }],
    ['POST', `/clusters/c/access-entries/${enc(ROLE)}`, 'UpdateAccessEntry', { name: 'c', principalArn: ROLE }],
    ['DELETE', `/clusters/c/access-entries/${enc(ROLE)}`, 'DeleteAccessEntry', { name: 'c', principalArn: ROLE }],
    [
      'GET',
      `/clusters/c/access-entries/${enc(ROLE)}/access-policies`,
      'ListAssociatedAccessPolicies',
      { name: 'c', principalArn: ROLE },
    ],
    [
      'DELETE',
      `/clusters/c/access-entries/${enc(ROLE)}/access-policies/${enc(POLICY)}`,
      'DisassociateAccessPolicy',
      { name: 'c', principalArn: ROLE, policyArn: POLICY },
    ],
    ['GET', '/access-policies', 'ListAccessPolicies', {}],
    [
      'DELETE',
      '/clusters/c/pod-identity-associations/a-abc',
      'DeletePodIdentityAssociation',
      { name: 'c', associationId: 'a-abc' },
    ],
    ['POST', '/clusters/c/identity-provider-configs/describe', 'DescribeIdentityProviderConfig', { name: 'c' }],
    ['GET', '/clusters/c/identity-provider-configs', 'ListIdentityProviderConfigs', { name: 'c' }],
    [
      'POST',
      `/tags/${enc('arn:aws:eks:us-west-2:1:cluster/c')}`,
      'TagResource',
      { resourceArn: 'arn:aws:eks:us-west-2:1:cluster/c' },
    ],
    ['get', '/clusters/', 'ListClusters', {}],
  ])('%s %s → %s', (method, path, operation, labels) => {
    expect(matchEksRoute(method, path)).toEqual({ operation, labels })
  })

  it.each([
    ['PUT', '/clusters'],
    ['GET', '/clusters/c/access-entries/arn:aws:iam::1:role/with/slashes'],
    ['GET', '/nothing'],
    ['GET', '/clusters/%E0%A4%A'],
  ])('finds no operation for %s %s', (method, path) => {
    expect(matchEksRoute(method, path)).toBeUndefined()
    expect(eksOperationName(method, path)).toBeUndefined()
  })

  it('names operations for fault injection', () => {
    expect(eksOperationName('POST', '/clusters/x/access-entries')).toBe('CreateAccessEntry')
    expect(eksOperationName('GET', '/clusters?maxResults=1')).toBe('ListClusters')
  })
})

describe('splitRawPath', () => {
  it('splits before decoding so %2F stays inside its segment', () => {
    expect(splitRawPath('/a/b%2Fc/d')).toEqual(['a', 'b/c', 'd'])
  })
})
