import { describe, expect, it } from 'vitest'

import { awsAuthEditRequestSchema, awsAuthMappingSchema } from './aws-auth-schemas'
import { findAwsAuthArnProblem, stripRolePath, validateAwsAuthMapping } from './aws-auth-validation'

const A = '111122223333'
const role = `arn:aws:iam::${A}:role/Dev`
const sso = `arn:aws:iam::${A}:role/aws-reserved/sso.amazonaws.com/us-west-2/AWSReservedSSO_DevOps_0a1b`

describe('findAwsAuthArnProblem', () => {
  it.each([
    ['role', role, undefined],
    ['user', `arn:aws:iam::${A}:user/alice`, undefined],
    ['role', '', /Enter the rolearn/],
    ['role', ` ${role}`, /spaces around it/],
    ['role', `arn:aws:sts::${A}:assumed-role/Dev/session`, /STS session ARN.*role\/Dev\./],
    ['role', `arn:aws:iam::${A}:user/alice`, /not an IAM role ARN/],
    ['user', role, /not an IAM user ARN/],
    ['role', 'not-an-arn', /not an IAM role ARN/],
    [
      'role',
      sso,
      /Remove the path: use arn:aws:iam::111122223333:role\/AWSReservedSSO_DevOps_0a1b\. Role sessions lose the path/,
    ],
    ['user', `arn:aws:iam::${A}:user/dev/alice`, undefined],
  ] as const)('%s %s → %s', (kind, arn, expected) => {
    const problem = findAwsAuthArnProblem(kind, arn)
    if (expected === undefined) expect(problem).toBeUndefined()
    else expect(problem).toMatch(expected)
  })

  it('strips only role paths', () => {
    expect(stripRolePath(sso)).toBe(`arn:aws:iam::${A}:role/AWSReservedSSO_DevOps_0a1b`)
    expect(stripRolePath(role)).toBeUndefined()
    expect(stripRolePath(`arn:aws:iam::${A}:user/dev/alice`)).toBeUndefined()
  })
})

describe('validateAwsAuthMapping (entries already in the ConfigMap)', () => {
  const mapping = (username: string | undefined, groups: string[] = [], kind: 'role' | 'user' = 'role') => ({
    kind,
    arn: kind === 'role' ? role : `arn:aws:iam::${A}:user/alice`,
    username,
    groups,
  })
  it.each([
    [mapping('system:node:{{EC2PrivateDNSName}}', ['system:nodes']), []],
    [mapping('system:node:{{SessionName}}', ['system:nodes', 'system:node-proxier']), []],
    [mapping('{{SessionName}}'), []],
    [mapping('x:{{AccessKeyID}}:{{AccountID}}:{{SessionNameRaw}}'), []],
    [mapping(undefined), ['warning: No username']],
    [mapping('x:{{SessionNme}}'), ['error: The username uses {{SessionNme}}, which the authenticator does not render']],
    [mapping('x:{{SessionName'), ['error: The username has an unclosed template']],
    [mapping('a b'), ['error: The username cannot contain spaces']],
    [mapping('system:admin'), ['warning: Usernames starting with system: are reserved']],
    [mapping('a', ['{{Bogus}}']), ['error: The group {{Bogus}} uses {{Bogus}}']],
    [mapping('a', ['team {{AccountID}}']), ['error: The group "team {{AccountID}}" is empty or contains spaces']],
    [
      mapping('alice:{{SessionName}}', [], 'user'),
      ['error: The username uses {{SessionName}}, which needs a role session'],
    ],
    [mapping('alice:{{AccountID}}', [], 'user'), []],
  ])('%j → %j', (input, expected) => {
    const got = validateAwsAuthMapping(input).map((p) => `${p.severity}: ${p.message}`)
    expect(got.length).toBe(expected.length)
    expected.forEach((prefix, i) => expect(got[i]?.startsWith(prefix), `${got[i]} starts with ${prefix}`).toBe(true))
  })
})

describe('awsAuthMappingSchema (form and route)', () => {
  const base = { kind: 'role' as const, arn: role, username: 'dev:{{SessionName}}', groups: ['devs'] }
  it.each([
    [{}, []],
    [{ arn: sso }, [['arn']]],
    [{ username: '' }, [['username']]],
    [{ username: 'x:{{Nope}}' }, [['username']]],
    [{ groups: ['devs', 'devs'] }, [['groups', 1]]],
    [{ groups: ['ok', ''] }, [['groups', 1]]],
    [{ kind: 'user' as const }, [['arn'], ['username']]],
    // A warning (system: username) is not an error: the preview shows it, the schema lets it through.
    [{ username: 'system:masters-user' }, []],
  ])('%j → issues at %j', (patch, paths) => {
    const result = awsAuthMappingSchema.safeParse({ ...base, ...patch })
    expect(result.success ? [] : result.error.issues.map((i) => i.path)).toEqual(paths)
  })

  it('trims what the person typed', () => {
    expect(awsAuthMappingSchema.parse({ ...base, arn: ` ${role} `, groups: [' devs '] })).toMatchObject({
      arn: role,
      groups: ['devs'],
    })
  })
})

describe('awsAuthEditRequestSchema', () => {
  const mapping = { kind: 'role' as const, arn: role, username: 'dev', groups: [] }
  it.each([
    [{ resourceVersion: '7', change: { op: 'add', section: 'mapRoles', mapping } }, true],
    [{ resourceVersion: null, change: { op: 'add', section: 'mapRoles', mapping } }, true],
    [{ resourceVersion: '7', change: { op: 'add', section: 'mapUsers', mapping } }, false],
    [{ resourceVersion: '7', change: { op: 'remove', section: 'mapRoles', index: -1, arn: role } }, false],
    [{ resourceVersion: '7', change: { op: 'add-account', account: '12345' } }, false],
    [{ resourceVersion: '7', change: { op: 'add-account', account: A } }, true],
    [{ resourceVersion: '', change: { op: 'add-account', account: A } }, false],
    [{ change: { op: 'add-account', account: A } }, false],
    [{ resourceVersion: '7', change: { op: 'rename' } }, false],
  ])('%j valid: %s', (body, valid) => {
    expect(awsAuthEditRequestSchema.safeParse(body).success).toBe(valid)
  })
})
