import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { metricsAccess } = await import('./metrics-access')
const { upstreamOutcome } = await import('./metrics-registry')

const token = 'a-metrics-token-of-32-characters'

describe('metricsAccess', () => {
  it.each([
    [null, undefined, 'disabled'],
    [`Bearer ${token}`, undefined, 'disabled'],
    [null, token, 'denied'],
    ['Bearer ', token, 'denied'],
    [`Basic ${token}`, token, 'denied'],
    [`Bearer ${token}x`, token, 'denied'],
    [`Bearer ${token}`, token, 'ok'],
  ] as const)('%s with token %s → %s', (header, configured, expected) => {
    expect(metricsAccess(header, configured)).toBe(expected)
  })
})

describe('upstreamOutcome', () => {
  it.each([
    [undefined, 'ok'],
    [{ name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } }, 'throttled'],
    [{ name: 'TooManyRequestsException' }, 'throttled'],
    [{ code: 429 }, 'throttled'],
    [{ name: 'TimeoutError' }, 'timeout'],
    [{ name: 'AbortError' }, 'timeout'],
    [{ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } }, 'error'],
    [null, 'error'],
  ])('%j → %s', (error, expected) => {
    expect(upstreamOutcome(error)).toBe(expected)
  })
})
