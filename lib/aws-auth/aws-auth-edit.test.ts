import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { applyAwsAuthChange, serializeAwsAuth, type AwsAuthMappingInput } from './aws-auth-edit'
import { parseAwsAuth } from './aws-auth-parse'

const A = '111122223333'
const nodeRole = `arn:aws:iam::${A}:role/eksNodeRole`
const mapRoles = `# managed by EKS: do not remove the node role
- rolearn: ${nodeRole}
  username: system:node:{{EC2PrivateDNSName}}
  groups: [system:bootstrappers, system:nodes]   # flow list
- roleArn: arn:aws:iam::${A}:role/Sso
  username: sso
  sso: { permissionSetName: DevOps, accountID: "${A}" }  # newer authenticator key
- just a string
`
const data = {
  mapRoles,
  mapUsers: `- userarn: arn:aws:iam::${A}:user/alice\n  username: alice\n`,
  other: 'kept: yes\n',
}
const dev: AwsAuthMappingInput = {
  arn: `arn:aws:iam::${A}:role/Dev`,
  username: 'dev:{{SessionName}}',
  groups: ['devs'],
}

function applied(result: ReturnType<typeof applyAwsAuthChange>) {
  if (!result.ok) throw new Error(result.message)
  return result.data
}

describe('applyAwsAuthChange', () => {
  it('adds a mapping and keeps comments, unknown keys, unreadable entries and other data keys', () => {
    const out = applied(applyAwsAuthChange(data, { op: 'add', section: 'mapRoles', mapping: dev }))
    expect(out.mapRoles).toContain('# managed by EKS: do not remove the node role')
    expect(out.mapRoles).toContain('# flow list')
    expect(out.mapRoles).toContain('- just a string')
    expect(out.mapRoles).toContain('sso: { permissionSetName: DevOps')
    expect(out.mapUsers).toBe(data.mapUsers)
    expect(out.other).toBe('kept: yes\n')
    const parsed = parseAwsAuth(out)
    expect(parsed.mapRoles.map((m) => m.arn)).toEqual([nodeRole, `arn:aws:iam::${A}:role/Sso`, '', dev.arn])
    expect(parsed.mapRoles[3]).toMatchObject({ username: dev.username, groups: dev.groups })
  })

  it('updates a mapping in place, keeping its unknown keys and key spelling', () => {
    const arn = `arn:aws:iam::${A}:role/Sso`
    const out = applied(
      applyAwsAuthChange(data, {
        op: 'update',
        section: 'mapRoles',
        index: 1,
        arn,
        mapping: { arn, username: 'sso2', groups: ['g'] },
      }),
    )
    expect(out.mapRoles).toContain('roleArn:')
    expect(parseAwsAuth(out).mapRoles[1]).toMatchObject({
      arn,
      username: 'sso2',
      groups: ['g'],
      extra: { sso: { permissionSetName: 'DevOps' } },
    })
  })

  it('removes a mapping and writes an emptied section as []', () => {
    const out = applied(
      applyAwsAuthChange(data, { op: 'remove', section: 'mapUsers', index: 0, arn: `arn:aws:iam::${A}:user/alice` }),
    )
    expect(out.mapUsers).toBe('[]\n')
    expect(parseAwsAuth(out).mapUsers).toEqual([])
  })

  it('creates a section that does not exist', () => {
    const out = applied(applyAwsAuthChange({}, { op: 'add', section: 'mapRoles', mapping: dev }))
    expect(parseAwsAuth(out).mapRoles).toMatchObject([{ arn: dev.arn, username: dev.username, groups: dev.groups }])
  })

  it.each([
    [{ op: 'remove', section: 'mapRoles', index: 0, arn: dev.arn }, 'moved'],
    [{ op: 'remove', section: 'mapRoles', index: 9, arn: nodeRole }, 'moved'],
    [
      {
        op: 'add',
        section: 'mapRoles',
        mapping: { ...dev, arn: nodeRole.toUpperCase().replace('ARN:AWS:IAM', 'arn:aws:iam') },
      },
      'duplicate',
    ],
    [{ op: 'remove-account', index: 0, account: A }, 'moved'],
  ] as const)('refuses %j (%s)', (change, reason) => {
    expect(applyAwsAuthChange(data, change)).toMatchObject({ ok: false, reason })
  })

  it.each([
    ['mapRoles', '- rolearn: a\n  groups: [unclosed\n'],
    ['mapRoles', 'rolearn: not-a-list\n'],
    ['mapAccounts', '- "1"\n  x: [\n'],
  ] as const)('refuses to rewrite an unreadable %s, so nothing it holds is lost', (section, text) => {
    const change =
      section === 'mapAccounts'
        ? ({ op: 'add-account', account: A } as const)
        : ({ op: 'add', section, mapping: dev } as const)
    expect(applyAwsAuthChange({ [section]: text }, change)).toMatchObject({ ok: false, reason: 'unreadable' })
  })

  it('adds account IDs quoted and refuses a duplicate', () => {
    const out = applied(applyAwsAuthChange({}, { op: 'add-account', account: '012345678901' }))
    expect(out.mapAccounts).toBe('- "012345678901"\n')
    expect(applyAwsAuthChange(out, { op: 'add-account', account: '012345678901' })).toMatchObject({
      ok: false,
      reason: 'duplicate',
    })
  })
})

// Property tests: what the serializer writes, the parser reads back unchanged; no input makes either throw.
const word = fc.stringMatching(/^[A-Za-z0-9+=,.@_-]{1,20}$/)
const template = fc.constantFrom('', ':{{SessionName}}', ':{{AccountID}}', '-{{SessionNameRaw}}', '{{AccessKeyID}}')
const mapping = (kind: 'role' | 'user') =>
  fc.record({
    arn: word.map((name) => `arn:aws:iam::${A}:${kind}/${name}`),
    username: fc.tuple(word, template).map(([u, t]) => `${u}${t}`),
    groups: fc.uniqueArray(
      fc.oneof(
        word,
        word.map((g) => `system:${g}`),
        fc.constant('yes'),
        fc.constant('123'),
      ),
      { maxLength: 4 },
    ),
  })
const model = fc.record({
  mapRoles: fc.uniqueArray(mapping('role'), { maxLength: 6, selector: (m) => m.arn.toLowerCase() }),
  mapUsers: fc.uniqueArray(mapping('user'), { maxLength: 6, selector: (m) => m.arn.toLowerCase() }),
  mapAccounts: fc.uniqueArray(fc.stringMatching(/^\d{12}$/), { maxLength: 4 }),
})
const strip = (m: { arn: string; username?: string; groups: string[] }) => ({
  arn: m.arn,
  username: m.username,
  groups: m.groups,
})

describe('properties', () => {
  it('parse(serialize(x)) = x', () => {
    fc.assert(
      fc.property(model, (x) => {
        const parsed = parseAwsAuth(serializeAwsAuth(x))
        expect(parsed.mapRoles.map(strip)).toEqual(x.mapRoles)
        expect(parsed.mapUsers.map(strip)).toEqual(x.mapUsers)
        expect(parsed.mapAccounts).toEqual(x.mapAccounts)
        expect(parsed.unreadable).toEqual([])
      }),
    )
  })

  it('an edit changes exactly the row it names and keeps every other row', () => {
    fc.assert(
      fc.property(model, mapping('role'), fc.nat(), fc.boolean(), (x, next, pick, remove) => {
        fc.pre(x.mapRoles.length > 0 && !x.mapRoles.some((m) => m.arn.toLowerCase() === next.arn.toLowerCase()))
        const index = pick % x.mapRoles.length
        const arn = x.mapRoles[index]!.arn
        const change = remove
          ? ({ op: 'remove', section: 'mapRoles', index, arn } as const)
          : ({ op: 'update', section: 'mapRoles', index, arn, mapping: next } as const)
        const out = applied(applyAwsAuthChange(serializeAwsAuth(x), change))
        const expected = [...x.mapRoles]
        if (remove) expected.splice(index, 1)
        else expected[index] = next
        expect(parseAwsAuth(out).mapRoles.map(strip)).toEqual(expected)
        expect(parseAwsAuth(out).mapUsers.map(strip)).toEqual(x.mapUsers)
      }),
    )
  })

  it('never throws on any input', () => {
    const section = fc.oneof(
      fc.string(),
      fc.constantFrom('- [', '- {a: 1}', '- !!binary x', '*a', '- &a [*a]', '---\n---', '- ? a'),
    )
    fc.assert(
      fc.property(
        fc.record({ mapRoles: section, mapUsers: section, mapAccounts: section }),
        mapping('role'),
        (d, m) => {
          parseAwsAuth(d)
          applyAwsAuthChange(d, { op: 'add', section: 'mapRoles', mapping: m })
          applyAwsAuthChange(d, { op: 'remove', section: 'mapRoles', index: 0, arn: m.arn })
          applyAwsAuthChange(d, { op: 'add-account', account: A })
        },
      ),
    )
  })
})
