import { describe, expect, it } from 'vitest'

import { parseQueryParams } from './query-params'

describe('parseQueryParams', () => {
  it.each([
    ['SDK encoding (%20, %2B)', 'Action=GetRole&RoleName=a%2Bb%20c', 'RoleName', 'a+b c'],
    ['botocore form encoding (+ is space)', 'Action=GetRole&Description=hello+world', 'Description', 'hello world'],
    ['percent-encoded JSON', 'Doc=%7B%22a%22%3A1%7D', 'Doc', '{"a":1}'],
    ['absent', 'Action=ListRoles', 'Marker', undefined],
  ])('reads scalars: %s', (_name, body, key, expected) => {
    expect(parseQueryParams(body).get(key)).toBe(expected)
  })

  it.each([
    ['member list in index order', 'L.member.2=b&L.member.1=a&L.member.10=j', ['a', 'b', 'j']],
    ['empty list sent as Name=', 'L=', []],
    ['absent list', 'Other=1', undefined],
  ])('reads lists: %s', (_name, body, expected) => {
    expect(parseQueryParams(body).getList('L')).toEqual(expected)
  })

  it('reads tags as Key/Value pairs in index order', () => {
    const p = parseQueryParams(
      'Tags.member.2.Key=team&Tags.member.2.Value=b&Tags.member.1.Key=env&Tags.member.1.Value=prod',
    )
    expect(p.getTags('Tags')).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'team', Value: 'b' },
    ])
  })

  it('lets the body override URL query parameters', () => {
    const p = parseQueryParams('Action=AssumeRole', new URLSearchParams('Action=GetCallerIdentity&Version=2011-06-15'))
    expect(p.get('Action')).toBe('AssumeRole')
    expect(p.get('Version')).toBe('2011-06-15')
  })
})
