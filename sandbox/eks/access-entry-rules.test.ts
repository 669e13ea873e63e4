import { describe, expect, it } from 'vitest'

import {
  buildDefaultUsername,
  isServiceLinkedRoleArn,
  listSystemGroups,
  parseAccessScope,
  parsePrincipalArn,
  resolveAccessEntryType,
  validateKubernetesGroups,
  validateUsername,
} from './access-entry-rules'
import { EksError } from './errors'

function errorOf(fn: () => unknown): { shape: string; message: string } | undefined {
  try {
    fn()
  } catch (e) {
    return e instanceof EksError ? { shape: e.shape, message: e.message } : { shape: 'other', message: String(e) }
  }
  return undefined
}

describe('validateUsername', () => {
  it.each([
    ['alice', undefined],
    [':john{{SessionName}}', undefined],
    ['team-b:{{SessionName}}', undefined],
    ['arn:aws:sts::111122223333:assumed-role/X/{{SessionName}}', undefined],
    ['system:bob', 'The username must not begin with system:'],
    ['eks:thing', 'The username must not begin with eks:'],
    ['aws:thing', 'The username must not begin with aws:'],
    ['amazon:thing', 'The username must not begin with amazon:'],
    ['iam:thing', 'The username must not begin with iam:'],
    ['john{{SessionName}}', 'The username must contain a ":" before {{SessionName}}.'],
  ])('%s → %s', (username, message) => {
    expect(errorOf(() => validateUsername(username))?.message).toBe(message)
  })
})

describe('validateKubernetesGroups', () => {
  it.each([
    [['team-a-devs', 'viewers'], undefined],
    [[], undefined],
    [['ok', 'system:masters'], 'The kubernetes group name system:masters is invalid, it cannot start with system:'],
    [['system:nodes'], 'The kubernetes group name system:nodes is invalid, it cannot start with system:'],
  ])('%j → %s', (groups, message) => {
    expect(errorOf(() => validateKubernetesGroups(groups))?.message).toBe(message)
  })
})

describe('resolveAccessEntryType', () => {
  it.each([
    [undefined, 'STANDARD'],
    ['STANDARD', 'STANDARD'],
    ['EC2_Linux', 'EC2_LINUX'],
    ['ec2_windows', 'EC2_WINDOWS'],
    ['FARGATE_LINUX', 'FARGATE_LINUX'],
    ['HYBRID_LINUX', 'HYBRID_LINUX'],
    ['EC2', 'EC2'],
    ['HYPERPOD_LINUX', 'HYPERPOD_LINUX'],
  ])('%s → %s', (raw, expected) => {
    expect(resolveAccessEntryType(raw)).toBe(expected)
  })

  it('rejects unknown types', () => {
    expect(errorOf(() => resolveAccessEntryType('WINDOWS'))?.shape).toBe('InvalidParameterException')
  })
})

describe('parsePrincipalArn and default usernames', () => {
  it.each([
    [
      'arn:aws:iam::111122223333:role/dev/apps/my-role',
      'STANDARD',
      { kind: 'role', name: 'my-role', path: '/dev/apps/' },
      'arn:aws:sts::111122223333:assumed-role/my-role/{{SessionName}}',
    ],
    [
      'arn:aws:iam::444455556666:role/x',
      'STANDARD',
      { kind: 'role', name: 'x', path: '/' },
      'arn:aws:sts::444455556666:assumed-role/x/{{SessionName}}',
    ],
    [
      'arn:aws:iam::111122223333:user/eks-user',
      'STANDARD',
      { kind: 'user', name: 'eks-user', path: '/' },
      'arn:aws:iam::111122223333:user/eks-user',
    ],
    ['arn:aws:iam::111122223333:role/n', 'EC2_LINUX', { kind: 'role' }, 'system:node:{{EC2PrivateDNSName}}'],
    ['arn:aws:iam::111122223333:role/n', 'EC2_WINDOWS', { kind: 'role' }, 'system:node:{{EC2PrivateDNSName}}'],
    ['arn:aws:iam::111122223333:role/n', 'FARGATE_LINUX', { kind: 'role' }, 'system:node:{{SessionName}}'],
    ['arn:aws:iam::111122223333:role/n', 'HYBRID_LINUX', { kind: 'role' }, 'system:node:{{SessionName}}'],
  ] as const)('%s (%s)', (arn, type, parsed, username) => {
    const principal = parsePrincipalArn(arn)
    expect(principal).toMatchObject(parsed)
    expect(buildDefaultUsername(arn, principal, type)).toBe(username)
  })

  it.each([
    'arn:aws:sts::111122223333:assumed-role/PlatformAdmin/alice',
    'arn:aws:iam::111122223333:group/devs',
    'arn:aws:iam::111122223333:root',
    'arn:aws:iam::111122223333:role/',
    'arn:aws:iam::12345:role/x',
    'not-an-arn',
  ])('rejects %s', (arn) => {
    expect(errorOf(() => parsePrincipalArn(arn))?.shape).toBe('InvalidParameterException')
  })
})

describe('node entry groups and service-linked roles', () => {
  it.each([
    ['STANDARD', []],
    ['EC2_LINUX', ['system:nodes']],
    ['EC2', []],
    ['FARGATE_LINUX', ['system:nodes', 'system:node-proxier']],
  ] as const)('%s gets %j', (type, groups) => {
    expect(listSystemGroups(type)).toEqual(groups)
  })

  it.each([
    ['arn:aws:iam::111122223333:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS', true],
    ['arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/X', false],
    ['arn:aws:iam::111122223333:role/PlatformAdmin', false],
  ])('%s is service-linked: %s', (arn, expected) => {
    expect(isServiceLinkedRoleArn(arn)).toBe(expected)
  })
})

describe('parseAccessScope', () => {
  it.each([
    [{ type: 'cluster' }, { type: 'cluster', namespaces: [] }],
    [
      { type: 'cluster', namespaces: [] },
      { type: 'cluster', namespaces: [] },
    ],
    [
      { type: 'namespace', namespaces: ['shop-*', 'payments'] },
      { type: 'namespace', namespaces: ['shop-*', 'payments'] },
    ],
    [
      { type: 'namespace', namespaces: ['a', 'a'] },
      { type: 'namespace', namespaces: ['a'] },
    ],
  ])('%j is accepted', (input, expected) => {
    expect(parseAccessScope(input)).toEqual(expected)
  })

  it.each([
    [undefined],
    [{ type: 'namespace' }],
    [{ type: 'namespace', namespaces: [] }],
    [{ type: 'cluster', namespaces: ['a'] }],
    [{ type: 'Cluster' }],
    [{ type: 'namespace', namespaces: [''] }],
  ])('%j is an InvalidParameterException', (input) => {
    expect(errorOf(() => parseAccessScope(input))?.shape).toBe('InvalidParameterException')
  })
})
