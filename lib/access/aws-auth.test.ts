import { describe, expect, it } from 'vitest'
import { parseAwsAuth, serializeAwsAuthAccounts, serializeAwsAuthMappings, type AwsAuthMapping } from './aws-auth'
import { validateAwsAuthMapping } from './aws-auth-validation'

const A = '111122223333'
const nodeRole = `arn:aws:iam::${A}:role/eksNodeRole`

const mapRoles = `# managed by EKS
- rolearn: ${nodeRole}
  username: system:node:{{EC2PrivateDNSName}}
  groups: [system:bootstrappers, system:nodes]   # flow list
- rolearn: arn:aws:iam::${A}:role/TeamADeveloper
  username: team-a:{{SessionName}}
  groups:
    - team-a-devs
- roleArn: arn:aws:iam::${A}:role/NoUsername
- just a string
- rolearn: arn:aws:iam::${A}:role/Sso
  username: sso
  sso: { permissionSetName: DevOps, accountID: "${A}" }
`

describe('parseAwsAuth', () => {
  const parsed = parseAwsAuth({
    mapRoles,
    mapUsers: `- userarn: arn:aws:iam::${A}:user/admin\n  username: admin\n  groups: system:masters\n`,
    mapAccounts: `- "012345678901"\n- 012345678901\n- ${A}\n- 12345\n`,
  })

  it('keeps every entry, flow and block groups alike', () => {
    expect(parsed.mapRoles.map((m) => [m.arn, m.username, m.groups])).toEqual([
      [nodeRole, 'system:node:{{EC2PrivateDNSName}}', ['system:bootstrappers', 'system:nodes']],
      [`arn:aws:iam::${A}:role/TeamADeveloper`, 'team-a:{{SessionName}}', ['team-a-devs']],
      [`arn:aws:iam::${A}:role/NoUsername`, undefined, []],
      ['', undefined, []],
      [`arn:aws:iam::${A}:role/Sso`, 'sso', []],
    ])
    expect(parsed.mapRoles[4]?.extra).toEqual({ sso: { permissionSetName: 'DevOps', accountID: A } })
    expect(parsed.mapUsers[0]?.groups).toEqual(['system:masters'])
  })

  it('keeps account IDs as written, leading zeros included', () => {
    expect(parsed.mapAccounts).toEqual(['012345678901', '012345678901', A, '12345'])
  })

  it.each([
    ['mapRoles', 2, 'warning', /No username/],
    ['mapRoles', 3, 'error', /not a mapping/],
    ['mapUsers', 0, 'warning', /single string/],
    ['mapUsers', 0, 'warning', /system:masters is a superuser/],
    ['mapAccounts', 1, 'warning', /Quote the account ID/],
    ['mapAccounts', 3, 'error', /12-digit/],
  ] as const)('reports %s[%i] %s %s', (section, index, severity, message) => {
    expect(parsed.problems).toContainEqual(
      expect.objectContaining({ section, index, severity, message: expect.stringMatching(message) }),
    )
  })

  it('reports no problem for the well-formed node and team entries', () => {
    expect(parsed.problems.filter((p) => p.section === 'mapRoles' && (p.index === 0 || p.index === 1))).toEqual([])
  })

  it.each([
    [{ mapRoles: 'rolearn: x' }, /must be a YAML list/],
    [{ mapRoles: '- rolearn: [unclosed' }, /not valid YAML/],
  ])('reports a broken section %j', (data, message) => {
    const result = parseAwsAuth(data)
    expect(result.mapRoles).toEqual([])
    expect(result.problems[0]?.message).toMatch(message)
  })

  it('warns about an ARN mapped twice, ignoring case', () => {
    const twice = `- rolearn: ${nodeRole}\n  username: a\n- rolearn: ${nodeRole.replace('eksNodeRole', 'EKSNODEROLE')}\n  username: b\n`
    expect(parseAwsAuth({ mapRoles: twice }).problems).toEqual([
      expect.objectContaining({
        section: 'mapRoles',
        index: 1,
        message: expect.stringMatching(/already mapped by entry 1/),
      }),
    ])
  })

  it.each([[undefined], [{}], [{ mapRoles: '' }]])('treats %j as empty', (data) => {
    expect(parseAwsAuth(data)).toEqual({ mapRoles: [], mapUsers: [], mapAccounts: [], problems: [] })
  })
})

describe('validateAwsAuthMapping', () => {
  const role = (arn: string, username = 'u', groups: string[] = []) => ({
    kind: 'role' as const,
    arn,
    username,
    groups,
  })
  it.each([
    [role(nodeRole), undefined],
    [role(`arn:aws:iam::${A}:role/dev/apps/my-role`), /Remove the path.*role\/my-role/],
    [role(`arn:aws:sts::${A}:assumed-role/R/s`), /STS session ARN.*role\/R/],
    [role(`arn:aws:iam::${A}:user/alice`), /not an IAM role ARN/],
    [{ kind: 'user' as const, arn: `arn:aws:iam::${A}:role/R`, username: 'u', groups: [] }, /not an IAM user ARN/],
    [role(''), /no rolearn/],
    [role(nodeRole, 'x:{{SessionNme}}'), /\{\{SessionNme\}\}.*does not know/],
    [role(nodeRole, 'x', ['team-{{AccountID}}']), undefined],
    [role(nodeRole, 'x', ['{{Bogus}}']), /The group \{\{Bogus\}\}/],
    [
      { kind: 'user' as const, arn: `arn:aws:iam::${A}:user/dev/alice`, username: 'a:{{SessionName}}', groups: [] },
      /only makes sense for roles/,
    ],
  ])('%j → %s', (mapping, expected) => {
    const messages = validateAwsAuthMapping(mapping).map((p) => p.message)
    if (expected === undefined) expect(messages).toEqual([])
    else expect(messages.join('\n')).toMatch(expected)
  })
})

describe('serializeAwsAuthMappings', () => {
  const parsed = parseAwsAuth({ mapRoles })

  it('round-trips untouched entries byte-for-byte in content and keeps their style', () => {
    const out = serializeAwsAuthMappings(mapRoles, parsed.mapRoles)
    expect(out).toContain('groups: [ system:bootstrappers, system:nodes ]')
    expect(out).toContain('roleArn: arn:aws:iam::111122223333:role/NoUsername')
    expect(out).toContain('- just a string')
    expect(parseAwsAuth({ mapRoles: out }).mapRoles).toEqual(parsed.mapRoles)
  })

  it('rewrites a changed entry, appends a new one and drops a removed one', () => {
    const [node, team, , , sso] = parsed.mapRoles as AwsAuthMapping[]
    const added: AwsAuthMapping = {
      kind: 'role',
      arn: `arn:aws:iam::${A}:role/TeamB`,
      username: 'team-b',
      groups: ['team-b-devs'],
      extra: {},
    }
    const out = serializeAwsAuthMappings(mapRoles, [
      node!,
      { ...team!, groups: ['team-a-devs', 'viewers'] },
      sso!,
      added,
    ])
    const again = parseAwsAuth({ mapRoles: out }).mapRoles
    expect(again.map((m) => m.arn)).toEqual([nodeRole, team!.arn, sso!.arn, added.arn])
    expect(again[1]?.groups).toEqual(['team-a-devs', 'viewers'])
    expect(again[2]?.extra).toEqual(sso!.extra)
    expect(out).not.toContain('NoUsername')
  })

  it('writes an empty section as an empty string', () => {
    expect(serializeAwsAuthMappings(mapRoles, [])).toBe('')
  })

  it('quotes account IDs', () => {
    const out = serializeAwsAuthAccounts(['012345678901', A])
    expect(out).toBe(`- "012345678901"\n- "${A}"\n`)
    expect(parseAwsAuth({ mapAccounts: out })).toMatchObject({ mapAccounts: ['012345678901', A], problems: [] })
  })
})
