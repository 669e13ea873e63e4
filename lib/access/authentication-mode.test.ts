import { describe, expect, it } from 'vitest'

import {
  authenticationModes,
  canChangeAuthenticationMode,
  describeAuthenticationMode,
  isAuthenticationMode,
  nextAuthenticationMode,
} from './authentication-mode'

describe('authentication mode transitions', () => {
  it.each([
    ['CONFIG_MAP', 'API_AND_CONFIG_MAP'],
    ['API_AND_CONFIG_MAP', 'API'],
    ['API', undefined],
  ] as const)('next after %s is %s', (mode, next) => {
    expect(nextAuthenticationMode(mode)).toBe(next)
  })

  const allowed = new Set(['CONFIG_MAP>API_AND_CONFIG_MAP', 'API_AND_CONFIG_MAP>API'])
  it.each(authenticationModes.flatMap((from) => authenticationModes.map((to) => [from, to] as const)))(
    '%s → %s',
    (from, to) => {
      expect(canChangeAuthenticationMode(from, to)).toBe(allowed.has(`${from}>${to}`))
    },
  )
})

describe('describeAuthenticationMode', () => {
  it.each([
    ['CONFIG_MAP', false, true],
    ['API_AND_CONFIG_MAP', true, true],
    ['API', true, false],
  ] as const)('%s reads entries=%s aws-auth=%s', (mode, entries, awsAuth) => {
    const info = describeAuthenticationMode(mode)
    expect(info.readsAccessEntries).toBe(entries)
    expect(info.readsAwsAuth).toBe(awsAuth)
    expect(info.explanation.length).toBeGreaterThan(40)
  })

  it.each([
    ['API', true],
    ['CONFIG_MAP', true],
    ['api', false],
    [undefined, false],
    [3, false],
  ])('isAuthenticationMode(%s) = %s', (value, expected) => {
    expect(isAuthenticationMode(value)).toBe(expected)
  })
})
