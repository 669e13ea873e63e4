import { describe, expect, it } from 'vitest'

import { whoCanFormSchema, whyForbiddenFormSchema, whyForbiddenQuerySchema } from './effective-access-schemas'
import { splitResourceField } from './resource-field'

describe('whoCanFormSchema (the Who-can form)', () => {
  it.each([
    ['a resource', 'pods/exec'],
    ['a grouped resource', 'deployments.apps'],
    ['a non-resource URL', '/metrics'],
    ['a non-resource URL with a wildcard', '/healthz/*'],
  ])('accepts %s in the Resource field', (_label, resource) => {
    expect(whoCanFormSchema.safeParse({ verb: 'get', resource }).success).toBe(true)
  })

  it.each([
    ['an upper-case resource', 'Pods', 'A resource is lower-case'],
    ['a URL with a space', '/me trics', 'A non-resource URL starts with "/"'],
    ['nothing', '', 'Enter a resource, like pods, or a non-resource URL.'],
  ])('refuses %s on the Resource field', (_label, resource, message) => {
    const parsed = whoCanFormSchema.safeParse({ verb: 'get', resource })
    expect(parsed.success).toBe(false)
    const issue = parsed.error?.issues.find((i) => i.path[0] === 'resource')
    expect(issue?.message).toContain(message)
  })
})

describe('whyForbiddenFormSchema (the Why-Forbidden form)', () => {
  const principalArn = 'arn:aws:iam::111122223333:role/TeamADeveloper'

  it.each([
    ['a resource and an object name', { resource: 'configmaps', name: 'settings', namespace: 'team-b' }],
    ['a non-resource URL', { resource: '/metrics' }],
  ])('accepts %s', (_label, request) => {
    expect(whyForbiddenFormSchema.safeParse({ principalArn, verb: 'get', ...request }).success).toBe(true)
  })

  it('refuses a malformed URL or object name on its own field', () => {
    const parsed = whyForbiddenFormSchema.safeParse({ principalArn, verb: 'get', resource: '/me trics', name: 'A B' })
    expect(parsed.error?.issues.map((i) => i.path[0]).sort()).toEqual(['name', 'resource'])
  })

  it('asks for the principal, the verb and the resource when no message is pasted', () => {
    const parsed = whyForbiddenFormSchema.safeParse({ resource: '' })
    expect(parsed.error?.issues.map((i) => i.path[0]).sort()).toEqual(['principalArn', 'resource', 'verb'])
  })

  it('takes the URL as the query sends it, in nonResourceURL', () => {
    expect(whyForbiddenQuerySchema.safeParse({ principalArn, verb: 'get', nonResourceURL: '/metrics' }).success).toBe(
      true,
    )
    expect(whyForbiddenQuerySchema.safeParse({ principalArn, verb: 'get', resource: '/metrics' }).success).toBe(false)
  })
})

describe('splitResourceField', () => {
  it.each([
    ['pods', { resource: 'pods' }],
    [' /metrics ', { nonResourceURL: '/metrics' }],
    ['', {}],
    [undefined, {}],
  ])('%j → %j', (value, expected) => {
    expect(splitResourceField(value)).toEqual(expected)
  })
})
