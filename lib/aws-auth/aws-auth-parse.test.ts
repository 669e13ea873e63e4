import { describe, expect, it } from 'vitest'

import { parseAwsAuth } from './aws-auth-parse'

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

  it('keeps every entry, flow and block groups alike, with the line it starts on', () => {
    expect(parsed.mapRoles.map((m) => [m.arn, m.username, m.groups, m.line])).toEqual([
      [nodeRole, 'system:node:{{EC2PrivateDNSName}}', ['system:bootstrappers', 'system:nodes'], 2],
      [`arn:aws:iam::${A}:role/TeamADeveloper`, 'team-a:{{SessionName}}', ['team-a-devs'], 5],
      [`arn:aws:iam::${A}:role/NoUsername`, undefined, [], 9],
      ['', undefined, [], 10],
      [`arn:aws:iam::${A}:role/Sso`, 'sso', [], 11],
    ])
    expect(parsed.mapRoles[4]?.extra).toEqual({ sso: { permissionSetName: 'DevOps', accountID: A } })
  })

  it('gives a mapping whose groups is a single string no groups, as encoding/json does', () => {
    expect(parsed.mapUsers[0]?.groups).toEqual([])
  })

  it('keeps account IDs as written, leading zeros included', () => {
    expect(parsed.mapAccounts).toEqual(['012345678901', '012345678901', A, '12345'])
  })

  it.each([
    ['mapRoles', 2, 'warning', /No username/, 9],
    ['mapRoles', 3, 'error', /not a mapping.*skips it/, 10],
    ['mapUsers', 0, 'error', /groups must be a list.*gets no groups/, 1],
    ['mapAccounts', 1, 'warning', /Quote the account ID/, 2],
    ['mapAccounts', 3, 'error', /12-digit/, 4],
  ] as const)('reports %s[%i] %s %s at line %i', (section, index, severity, message, line) => {
    expect(parsed.problems).toContainEqual(
      expect.objectContaining({ section, index, severity, line, message: expect.stringMatching(message) }),
    )
  })

  it('reports no problem for the well-formed node and team entries', () => {
    expect(parsed.problems.filter((p) => p.section === 'mapRoles' && (p.index === 0 || p.index === 1))).toEqual([])
  })

  it.each([
    [{ mapRoles: 'rolearn: x' }, /must be a YAML list/, 1, 1],
    [
      { mapRoles: '- rolearn: a\n  groups: [unclosed\n' },
      /not valid YAML \(line \d+, column \d+\)/,
      undefined,
      undefined,
    ],
    [{ mapRoles: '- rolearn: a\n    username: b\n  - x' }, /not valid YAML/, undefined, undefined],
  ])('reports a broken section %j with line and column, and marks it unreadable', (data, message, line, column) => {
    const result = parseAwsAuth(data)
    expect(result.mapRoles).toEqual([])
    expect(result.unreadable).toEqual(['mapRoles'])
    expect(result.problems[0]?.message).toMatch(message)
    expect(result.problems[0]?.line).toBeGreaterThan(0)
    expect(result.problems[0]?.column).toBeGreaterThan(0)
    if (line !== undefined) expect(result.problems[0]).toMatchObject({ line, column })
  })

  it('reads keys case-insensitively like encoding/json', () => {
    const result = parseAwsAuth({ mapRoles: `- RoleARN: ${nodeRole}\n  UserName: n\n  GROUPS: [g]\n` })
    expect(result.mapRoles[0]).toMatchObject({ arn: nodeRole, username: 'n', groups: ['g'], extra: {} })
  })

  it('warns on the earlier of two entries for one ARN (ignoring case): the authenticator keeps the last', () => {
    const twice = `- rolearn: ${nodeRole}\n  username: a\n- rolearn: ${nodeRole.replace('eksNodeRole', 'EKSNODEROLE')}\n  username: b\n`
    expect(parseAwsAuth({ mapRoles: twice }).problems).toEqual([
      expect.objectContaining({
        section: 'mapRoles',
        index: 0,
        message: expect.stringMatching(/Entry 2 maps the same ARN later/),
      }),
    ])
  })

  it.each([[undefined], [{}], [{ mapRoles: '' }], [{ mapRoles: '""', mapUsers: '``', mapAccounts: '  \n' }]])(
    'treats %j as empty',
    (data) => {
      expect(parseAwsAuth(data)).toEqual({ mapRoles: [], mapUsers: [], mapAccounts: [], problems: [], unreadable: [] })
    },
  )
})
