import { describe, expect, it } from 'vitest'

import type { AuthenticationMode } from '@/lib/access/authentication-mode'
import { parseAwsAuth } from '@/lib/aws-auth/aws-auth-parse'

import { buildAuthIndex, resolveIdentity, type EntryFacts } from './identity'

const A = 'arn:aws:iam::111122223333'
const entry = (principalArn: string, more: Partial<EntryFacts> = {}): EntryFacts => ({
  principalArn,
  type: 'STANDARD',
  username: null,
  kubernetesGroups: [],
  policies: [],
  createdAt: '2025-01-01T00:00:00.000Z',
  ...more,
})
const awsAuth = parseAwsAuth({
  mapRoles: [
    `- rolearn: ${A}:role/Dev`,
    '  username: dev:{{SessionName}}',
    '  groups: [devs]',
    `- rolearn: ${A}:role/team/Pathed`,
    '  username: pathed',
    `- rolearn: ${A}:role/Admin`,
    '  username: admin:{{SessionName}}',
    '  groups: [system:masters]',
    // Later rows for the same ARN (any case) win.
    `- rolearn: ${A}:role/dev`,
    '  username: dev2:{{SessionName}}',
    '  groups: [devs2]',
  ].join('\n'),
  mapUsers: `- userarn: ${A}:user/alice\n  username: alice\n  groups: [team-a]\n`,
  mapAccounts: '- "444455556666"\n',
})
const entries = [
  entry(`${A}:role/Dev`, {
    kubernetesGroups: ['entry-devs'],
    policies: [{ policyArn: 'p', accessScope: { type: 'cluster', namespaces: [] } }],
  }),
  entry(`${A}:role/apps/Deployer`, { username: 'deployer:{{SessionName}}' }),
  entry(`${A}:user/bob`),
]
const index = (mode: AuthenticationMode) =>
  buildAuthIndex({ authenticationMode: mode, accessEntries: entries, awsAuth })

describe('resolveIdentity', () => {
  const cases: [
    string,
    AuthenticationMode,
    string,
    { via: string | null; username: string | null; groups: string[]; notes?: string[] },
  ][] = [
    [
      'API: the entry, default role username with the session',
      'API',
      `${A}:role/Dev`,
      {
        via: 'access-entry',
        username: 'arn:aws:sts::111122223333:assumed-role/Dev/s1',
        groups: ['entry-devs', 'system:authenticated'],
      },
    ],
    [
      'API_AND_CONFIG_MAP: the entry wins over the mapping',
      'API_AND_CONFIG_MAP',
      `${A}:role/Dev`,
      {
        via: 'access-entry',
        username: 'arn:aws:sts::111122223333:assumed-role/Dev/s1',
        groups: ['entry-devs', 'system:authenticated'],
        notes: ['mapping-shadowed-by-entry'],
      },
    ],
    [
      'CONFIG_MAP: entries are not read; the last mapping for the ARN wins',
      'CONFIG_MAP',
      `${A}:role/Dev`,
      {
        via: 'aws-auth',
        username: 'dev2:s1',
        groups: ['devs2', 'system:authenticated'],
        notes: ['entry-ignored-config-map'],
      },
    ],
    [
      'API: aws-auth is not read',
      'API',
      `${A}:role/Admin`,
      { via: null, username: null, groups: [], notes: ['mapping-ignored-api'] },
    ],
    [
      'API_AND_CONFIG_MAP: a mapping without entry',
      'API_AND_CONFIG_MAP',
      `${A}:role/Admin`,
      { via: 'aws-auth', username: 'admin:s1', groups: ['system:masters', 'system:authenticated'] },
    ],
    [
      'an entry matches a pathed role by name',
      'API',
      `${A}:role/apps/Deployer`,
      { via: 'access-entry', username: 'deployer:s1', groups: ['system:authenticated'] },
    ],
    [
      '… and its session ARN (sessions carry no path)',
      'API',
      'arn:aws:sts::111122223333:assumed-role/Deployer/s1',
      { via: 'access-entry', username: 'deployer:s1', groups: ['system:authenticated'] },
    ],
    [
      'a pathed rolearn in aws-auth never matches',
      'CONFIG_MAP',
      `${A}:role/team/Pathed`,
      { via: null, username: null, groups: [], notes: ['mapping-pathed-arn'] },
    ],
    [
      'a user entry: the user ARN is the username',
      'API',
      `${A}:user/bob`,
      { via: 'access-entry', username: `${A}:user/bob`, groups: ['system:authenticated'] },
    ],
    [
      'mapUsers',
      'CONFIG_MAP',
      `${A}:user/alice`,
      { via: 'aws-auth', username: 'alice', groups: ['team-a', 'system:authenticated'] },
    ],
    [
      'mapAccounts: the canonical ARN, no groups',
      'CONFIG_MAP',
      'arn:aws:iam::444455556666:role/Partner',
      { via: 'aws-auth', username: 'arn:aws:iam::444455556666:role/Partner', groups: ['system:authenticated'] },
    ],
    [
      'nobody: no entry, no mapping',
      'API_AND_CONFIG_MAP',
      `${A}:role/Stranger`,
      { via: null, username: null, groups: [] },
    ],
  ]
  it.each(cases)('%s', (_name, mode, arn, expected) => {
    const got = resolveIdentity(index(mode), arn, { sessionName: 's1' })
    expect({ via: got.via, username: got.username, groups: got.groups }).toEqual({
      via: expected.via,
      username: expected.username,
      groups: expected.groups,
    })
    expect(got.notes.map((n) => n.code)).toEqual(expected.notes ?? [])
  })

  it('keeps {{SessionName}} when no session is named, and only access entries carry access policies', () => {
    expect(resolveIdentity(index('API'), `${A}:role/apps/Deployer`).username).toBe('deployer:{{SessionName}}')
    expect(resolveIdentity(index('API'), `${A}:role/Dev`).accessPolicies).toHaveLength(1)
    expect(resolveIdentity(index('CONFIG_MAP'), `${A}:role/Dev`).accessPolicies).toEqual([])
  })

  it('replaces @ in {{SessionName}} as aws-iam-authenticator does', () => {
    expect(resolveIdentity(index('API'), `${A}:role/apps/Deployer`, { sessionName: 'jane@example.com' }).username).toBe(
      'deployer:jane-example.com',
    )
  })

  it('a principal recreated after its entry no longer matches it (and falls through to aws-auth)', () => {
    const recreated = { exists: true, createdAt: '2025-06-01T00:00:00.000Z' }
    const api = resolveIdentity(index('API'), `${A}:role/Dev`, { principal: recreated })
    expect(api.via).toBeNull()
    expect(api.notes.map((n) => n.code)).toEqual(['entry-stale', 'mapping-ignored-api'])
    const both = resolveIdentity(index('API_AND_CONFIG_MAP'), `${A}:role/Dev`, {
      principal: recreated,
      sessionName: 's',
    })
    expect(both).toMatchObject({ via: 'aws-auth', username: 'dev2:s' })
    const older = resolveIdentity(index('API'), `${A}:role/Dev`, {
      principal: { exists: true, createdAt: '2024-01-01T00:00:00.000Z' },
    })
    expect(older.via).toBe('access-entry')
  })
})
