import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'

import {
  canonicalizeCallerArn,
  mapEksIdentity,
  resolveEksIdentity,
  type AccessEntryIdentity,
  type IdentityMappingInput,
  type StsCaller,
} from './eks-identity'

const ACCT = '111122223333'
const SSO_PATHED = `arn:aws:iam::${ACCT}:role/aws-reserved/sso.amazonaws.com/us-west-2/AWSReservedSSO_DevOps_0a1b`
const session = (role: string, name: string, id = 'AROAROLEID'): StsCaller => ({
  arn: `arn:aws:sts::${ACCT}:assumed-role/${role}/${name}`,
  userId: `${id}:${name}`,
  account: ACCT,
  accessKeyId: 'ASIATEMP',
})
const iamUser = (name: string): StsCaller => ({
  arn: `arn:aws:iam::${ACCT}:user/${name}`,
  userId: 'AIDAUSERID',
  account: ACCT,
  accessKeyId: 'AKIAUSER',
})

const entries: AccessEntryIdentity[] = [
  {
    principalArn: `arn:aws:iam::${ACCT}:role/TeamBDeveloper`,
    type: 'STANDARD',
    username: 'team-b:{{SessionName}}',
    kubernetesGroups: ['team-b-devs'],
  },
  { principalArn: `arn:aws:iam::${ACCT}:role/ReadOnlyAuditor`, type: 'STANDARD', kubernetesGroups: [] },
  { principalArn: SSO_PATHED, type: 'STANDARD', kubernetesGroups: ['devops'] },
  { principalArn: `arn:aws:iam::${ACCT}:role/eksNodeRole`, type: 'EC2_LINUX', kubernetesGroups: ['system:nodes'] },
  { principalArn: `arn:aws:iam::${ACCT}:role/FargateExec`, type: 'FARGATE_LINUX', kubernetesGroups: ['system:nodes'] },
  {
    principalArn: `arn:aws:iam::${ACCT}:role/Recreated`,
    principalId: 'AROAOLDID',
    type: 'STANDARD',
    kubernetesGroups: ['x'],
  },
  { principalArn: `arn:aws:iam::${ACCT}:user/carol`, type: 'STANDARD', kubernetesGroups: ['auditors'] },
]
const awsAuth = {
  mapRoles: stringify([
    {
      rolearn: `arn:aws:iam::${ACCT}:role/eksNodeRole`,
      username: 'system:node:{{EC2PrivateDNSName}}',
      groups: ['system:bootstrappers', 'system:nodes'],
    },
    {
      rolearn: `arn:aws:iam::${ACCT}:role/platformadmin`,
      username: 'admin:{{SessionName}}',
      groups: ['system:masters'],
    },
    { rolearn: `arn:aws:iam::${ACCT}:role/TeamBDeveloper`, username: 'legacy-b', groups: ['team-b-legacy'] },
    { rolearn: `arn:aws:iam::${ACCT}:role/some/path/Pathed`, username: 'never', groups: [] },
    {
      rolearn: `arn:aws:iam::${ACCT}:role/Raw`,
      username: 'raw:{{SessionNameRaw}}:{{AccountID}}:{{AccessKeyID}}',
      groups: ['g-{{SessionName}}'],
    },
  ]),
  mapUsers: stringify([{ userarn: `arn:aws:iam::${ACCT}:user/alice`, username: 'alice', groups: ['team-a-devs'] }]),
  mapAccounts: stringify(['444455556666']),
}
const dns = (id: string) => (id === 'i-0abc' ? 'ip-10-0-1-5.us-west-2.compute.internal' : undefined)
const input = (mode: IdentityMappingInput['authenticationMode'], caller: StsCaller): IdentityMappingInput => ({
  authenticationMode: mode,
  accessEntries: entries,
  awsAuth,
  caller,
  resolveEc2PrivateDnsName: dns,
})

describe('canonicalizeCallerArn', () => {
  it.each([
    [`arn:aws:sts::${ACCT}:assumed-role/Dev/alice@example.com`, `arn:aws:iam::${ACCT}:role/Dev`, 'alice@example.com'],
    [`arn:aws:iam::${ACCT}:user/ops/bob`, `arn:aws:iam::${ACCT}:user/ops/bob`, ''],
    [`arn:aws-cn:sts::${ACCT}:assumed-role/R/s`, `arn:aws-cn:iam::${ACCT}:role/R`, 's'],
    [`arn:aws:iam::${ACCT}:root`, `arn:aws:iam::${ACCT}:root`, ''],
  ])('%s', (arn, canonical, sessionName) => {
    expect(canonicalizeCallerArn(arn)).toMatchObject({ canonicalArn: canonical, sessionName })
  })
})

describe('mapEksIdentity', () => {
  it.each<[string, IdentityMappingInput, string | undefined, string[] | undefined, string | undefined]>([
    [
      'entry username template',
      input('API', session('TeamBDeveloper', 'bob@corp.com')),
      'team-b:bob-corp.com',
      ['team-b-devs'],
      'access-entry',
    ],
    [
      'entry wins over aws-auth in API_AND_CONFIG_MAP',
      input('API_AND_CONFIG_MAP', session('TeamBDeveloper', 'b')),
      'team-b:b',
      ['team-b-devs'],
      'access-entry',
    ],
    [
      'CONFIG_MAP ignores entries',
      input('CONFIG_MAP', session('TeamBDeveloper', 'b')),
      'legacy-b',
      ['team-b-legacy'],
      'aws-auth',
    ],
    ['API ignores aws-auth', input('API', session('PlatformAdmin', 's')), undefined, undefined, undefined],
    [
      'aws-auth is case-insensitive',
      input('API_AND_CONFIG_MAP', session('PlatformAdmin', 'jane')),
      'admin:jane',
      ['system:masters'],
      'aws-auth',
    ],
    [
      'default STANDARD role username strips nothing but adds session',
      input('API', session('ReadOnlyAuditor', 'carol')),
      `arn:aws:sts::${ACCT}:assumed-role/ReadOnlyAuditor/carol`,
      [],
      'access-entry',
    ],
    [
      'pathed entry ARN matches path-less session ARN',
      input('API', session('AWSReservedSSO_DevOps_0a1b', 'dev@corp')),
      `arn:aws:sts::${ACCT}:assumed-role/AWSReservedSSO_DevOps_0a1b/dev-corp`,
      ['devops'],
      'access-entry',
    ],
    [
      'EC2_LINUX default username resolves the private DNS name',
      input('API', session('eksNodeRole', 'i-0abc')),
      'system:node:ip-10-0-1-5.us-west-2.compute.internal',
      ['system:nodes'],
      'access-entry',
    ],
    [
      'FARGATE default username uses the session',
      input('API', session('FargateExec', 'fargate-ip-1')),
      'system:node:fargate-ip-1',
      ['system:nodes'],
      'access-entry',
    ],
    [
      'aws-auth node mapping in CONFIG_MAP',
      input('CONFIG_MAP', session('eksNodeRole', 'i-0abc')),
      'system:node:ip-10-0-1-5.us-west-2.compute.internal',
      ['system:bootstrappers', 'system:nodes'],
      'aws-auth',
    ],
    [
      'recreated role (new unique ID) does not match',
      input('API', session('Recreated', 's', 'AROANEWID')),
      undefined,
      undefined,
      undefined,
    ],
    [
      'same unique ID matches',
      input('API', session('Recreated', 's', 'AROAOLDID')),
      `arn:aws:sts::${ACCT}:assumed-role/Recreated/{{SessionName}}`.replace('{{SessionName}}', 's'),
      ['x'],
      'access-entry',
    ],
    [
      'IAM user entry default username is the ARN',
      input('API', iamUser('carol')),
      `arn:aws:iam::${ACCT}:user/carol`,
      ['auditors'],
      'access-entry',
    ],
    ['mapUsers', input('CONFIG_MAP', iamUser('alice')), 'alice', ['team-a-devs'], 'aws-auth'],
    [
      'pathed rolearn in aws-auth never matches',
      input('CONFIG_MAP', session('Pathed', 's')),
      undefined,
      undefined,
      undefined,
    ],
    ['templates', input('CONFIG_MAP', session('Raw', 'a@b')), `raw:a@b:${ACCT}:ASIATEMP`, ['g-a-b'], 'aws-auth'],
    ['unknown principal', input('API_AND_CONFIG_MAP', iamUser('mallory')), undefined, undefined, undefined],
  ])('%s', (_name, inp, username, groups, source) => {
    const r = resolveEksIdentity(inp)
    expect(r?.user.username).toBe(username)
    expect(r?.user.groups).toEqual(groups)
    expect(r?.source).toBe(source)
  })

  it('mapAccounts maps any principal of a listed account to its canonical ARN', () => {
    const caller: StsCaller = {
      arn: 'arn:aws:sts::444455556666:assumed-role/X/s',
      userId: 'AROAX:s',
      account: '444455556666',
      accessKeyId: 'ASIA',
    }
    expect(mapEksIdentity(input('CONFIG_MAP', caller))).toMatchObject({
      username: 'arn:aws:iam::444455556666:role/X',
      groups: [],
    })
  })

  it('reports uid and extra like aws-iam-authenticator', () => {
    const user = mapEksIdentity(input('API', session('TeamBDeveloper', 'bob')))
    expect(user?.uid).toBe(`aws-iam-authenticator:${ACCT}:AROAROLEID`)
    expect(user?.extra).toEqual({
      arn: [`arn:aws:sts::${ACCT}:assumed-role/TeamBDeveloper/bob`],
      canonicalArn: [`arn:aws:iam::${ACCT}:role/TeamBDeveloper`],
      sessionName: ['bob'],
      accessKeyId: ['ASIATEMP'],
      principalId: ['AROAROLEID:bob'],
      'sigs.k8s.io/aws-iam-authenticator/principalId': ['AROAROLEID:bob'],
    })
  })

  it.each<[IdentityMappingInput['authenticationMode'], string | undefined]>([
    ['CONFIG_MAP', 'kubernetes-admin'],
    ['API', undefined],
  ])('the cluster creator is an invisible system:masters only in %s mode', (mode, username) => {
    const r = resolveEksIdentity({
      ...input(mode, iamUser('creator')),
      clusterCreatorArn: `arn:aws:iam::${ACCT}:user/creator`,
    })
    expect(r?.user.username).toBe(username)
    if (username) expect(r?.user.groups).toEqual(['system:masters'])
  })

  it.each([
    [
      'keys match case-insensitively (encoding/json)',
      `- RoleARN: arn:aws:iam::${ACCT}:role/Dev\n  UserName: dev\n  Groups: [devs]\n`,
      'dev',
      ['devs'],
    ],
    [
      'the last entry for an ARN wins (saveMap keys by lower-cased ARN)',
      `- rolearn: arn:aws:iam::${ACCT}:role/Dev\n  username: first\n- rolearn: arn:aws:iam::${ACCT}:role/DEV\n  username: last\n`,
      'last',
      [],
    ],
    [
      'groups written as one string are ignored, not read as a list',
      `- rolearn: arn:aws:iam::${ACCT}:role/Dev\n  username: dev\n  groups: system:masters\n`,
      'dev',
      [],
    ],
  ])('aws-auth like aws-iam-authenticator: %s', (_what, mapRoles, username, groups) => {
    const user = mapEksIdentity({ ...input('CONFIG_MAP', session('Dev', 's')), awsAuth: { mapRoles } })
    expect(user?.username).toBe(username)
    expect(user?.groups).toEqual(groups)
  })

  it('reads an unquoted mapAccounts ID as its text, leading zero kept', () => {
    const caller: StsCaller = {
      arn: 'arn:aws:sts::012345678901:assumed-role/X/s',
      userId: 'AROAX:s',
      account: '012345678901',
      accessKeyId: 'ASIA',
    }
    const user = mapEksIdentity({ ...input('CONFIG_MAP', caller), awsAuth: { mapAccounts: '- 012345678901\n' } })
    expect(user?.username).toBe('arn:aws:iam::012345678901:role/X')
  })

  it('ignores an aws-auth it cannot parse', () => {
    expect(
      mapEksIdentity({ ...input('CONFIG_MAP', iamUser('alice')), awsAuth: { mapUsers: '- userarn: [unclosed' } }),
    ).toBeUndefined()
  })
})
