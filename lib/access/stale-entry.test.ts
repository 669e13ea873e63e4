import { describe, expect, it } from 'vitest'

import { ApiError } from '@/lib/api/api-error'

import { diffGroups, ifMatchHeader, reapplyEdit, staleEntryOf } from './stale-entry'

const edit = (username: string | null, ...kubernetesGroups: string[]) => ({ username, kubernetesGroups })

describe('reapplyEdit', () => {
  it.each([
    {
      name: 'keeps a group someone else added and adds mine',
      base: edit(null, 'a'),
      mine: edit(null, 'a', 'mine'),
      current: edit(null, 'a', 'theirs'),
      want: edit(null, 'a', 'theirs', 'mine'),
    },
    {
      name: 'removes the group I removed, even if they kept it',
      base: edit(null, 'a', 'b'),
      mine: edit(null, 'a'),
      current: edit(null, 'a', 'b', 'c'),
      want: edit(null, 'a', 'c'),
    },
    {
      name: 'takes my username when I changed it',
      base: edit('old'),
      mine: edit('mine'),
      current: edit('theirs'),
      want: edit('mine'),
    },
    {
      name: 'keeps their username when I did not touch it',
      base: edit('old', 'a'),
      mine: edit('old', 'a', 'b'),
      current: edit('theirs', 'a'),
      want: edit('theirs', 'a', 'b'),
    },
    {
      name: 'adds a group only once when they added it too',
      base: edit(null),
      mine: edit(null, 'x'),
      current: edit(null, 'x'),
      want: edit(null, 'x'),
    },
  ])('$name', ({ base, mine, current, want }) => {
    expect(reapplyEdit(base, mine, current)).toEqual(want)
  })
})

describe('diffGroups', () => {
  it('names added and removed groups', () => {
    expect(diffGroups(['a', 'b'], ['b', 'c'])).toEqual({ added: ['c'], removed: ['a'] })
  })
})

describe('staleEntryOf', () => {
  const entry = {
    principalArn: 'arn:aws:iam::111122223333:role/x',
    principalName: 'x',
    principalKind: 'role',
    principalPath: '/',
    type: 'STANDARD',
    username: null,
    kubernetesGroups: ['g'],
    accessEntryArn: null,
    createdAt: null,
    modifiedAt: null,
    tags: {},
    policies: [],
    managedReason: null,
    nodeWarning: null,
    lockoutRisk: null,
    version: 'v2',
  }
  it.each([
    { name: 'a 412 with the current entry', error: stale(JSON.stringify(entry)), want: entry },
    { name: 'a 412 with junk', error: stale('{not json'), want: null },
    { name: 'a 412 with another shape', error: stale('{"a":1}'), want: null },
    { name: 'a 409', error: new ApiError(409, 'conflict', 'no'), want: null },
    { name: 'not an ApiError', error: new Error('x'), want: null },
  ])('reads $name', ({ error, want }) => {
    expect(staleEntryOf(error)).toEqual(want)
  })

  function stale(currentEntry: string) {
    return new ApiError(412, 'precondition_failed', 'changed', [], { currentVersion: 'v2', currentEntry })
  }
})

describe('ifMatchHeader', () => {
  it('quotes a version and passes * through', () => {
    expect(ifMatchHeader('abc')).toEqual({ 'if-match': '"abc"' })
    expect(ifMatchHeader('*')).toEqual({ 'if-match': '*' })
  })
})
