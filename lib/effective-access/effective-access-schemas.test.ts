import { describe, expect, it } from 'vitest'

import { whoCanFormSchema } from './effective-access-schemas'
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
