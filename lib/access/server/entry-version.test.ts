import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'

import type { AccessEntryDetail } from '@/lib/aws/access-entries'

vi.mock('server-only', () => ({}))

const { computeEntryVersion, parseIfMatch } = await import('./entry-version')

describe('parseIfMatch', () => {
  it.each([
    { header: null, want: { kind: 'absent' } },
    { header: '  ', want: { kind: 'absent' } },
    { header: '*', want: { kind: 'any' } },
    { header: '"abc"', want: { kind: 'versions', versions: ['abc'] } },
    { header: '"a", "b"', want: { kind: 'versions', versions: ['a', 'b'] } },
    { header: 'W/"abc"', want: { kind: 'versions', versions: [] } },
    { header: 'abc', want: { kind: 'versions', versions: [] } },
    { header: '"a", W/"b", junk', want: { kind: 'versions', versions: ['a'] } },
  ] as const)('reads $header', ({ header, want }) => {
    expect(parseIfMatch(header)).toEqual(want)
  })

  it('never throws, whatever the header', () => {
    fc.assert(fc.property(fc.string({ maxLength: 3000 }), (header) => void parseIfMatch(header)))
  })
})

const detail = (over: Partial<AccessEntryDetail> = {}): AccessEntryDetail =>
  ({
    principalArn: 'arn:aws:iam::111122223333:role/x',
    type: 'STANDARD',
    username: 'x',
    kubernetesGroups: ['a', 'b'],
    accessEntryArn: null,
    createdAt: null,
    modifiedAt: '2026-01-01T00:00:00.000Z',
    tags: {},
    policies: [
      {
        policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
        policyName: 'AmazonEKSViewPolicy',
        accessScope: { type: 'namespace', namespaces: ['n1', 'n2'] },
        associatedAt: null,
        modifiedAt: null,
      },
    ],
    ...over,
  }) as AccessEntryDetail

describe('computeEntryVersion', () => {
  const base = computeEntryVersion(detail())
  it.each([
    { name: 'modifiedAt', over: { modifiedAt: '2026-01-02T00:00:00.000Z' } },
    { name: 'username', over: { username: 'y' } },
    { name: 'a group', over: { kubernetesGroups: ['a', 'b', 'c'] } },
    { name: 'a policy', over: { policies: [] } },
    {
      name: 'a scope',
      over: {
        policies: [{ ...detail().policies[0]!, accessScope: { type: 'cluster' as const, namespaces: [] } }],
      },
    },
  ])('changes when $name changes', ({ over }) => {
    expect(computeEntryVersion(detail(over))).not.toBe(base)
  })

  it('ignores the order of groups and namespaces (it means nothing to Kubernetes)', () => {
    const reordered = detail({
      kubernetesGroups: ['b', 'a'],
      policies: [{ ...detail().policies[0]!, accessScope: { type: 'namespace', namespaces: ['n2', 'n1'] } }],
    })
    expect(computeEntryVersion(reordered)).toBe(base)
  })
})
