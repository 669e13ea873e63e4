import { describe, expect, it } from 'vitest'

import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, sessionEndsAt, sessionTokenProblem } from './session-lifetime'

const now = 1_800_000_000
const token = (overrides: Record<string, unknown> = {}) => ({
  sid: 's1',
  authTime: now - 3600,
  iat: now - 60,
  exp: now - 60 + SESSION_IDLE_SECONDS,
  ...overrides,
})

describe('sessionTokenProblem', () => {
  it.each([
    { name: 'a fresh token', token: token(), problem: null },
    { name: 'no session id', token: token({ sid: undefined }), problem: 'no session id' },
    { name: 'an empty session id', token: token({ sid: '' }), problem: 'no session id' },
    { name: 'no sign-in time', token: token({ authTime: undefined }), problem: 'no session id' },
    { name: 'no iat', token: token({ iat: undefined }), problem: 'no issue or expiry time' },
    { name: 'past its exp', token: token({ exp: now }), problem: 'idle for too long' },
    {
      name: 'a 30-day exp issued 29 days ago',
      token: token({ iat: now - 29 * 86400, exp: now + 86400 }),
      problem: 'idle for too long',
    },
    {
      name: 'idle one second short of the limit',
      token: token({ iat: now - SESSION_IDLE_SECONDS + 1, exp: now + 1 }),
      problem: null,
    },
    {
      name: 'signed in longer ago than the absolute limit',
      token: token({ authTime: now - SESSION_ABSOLUTE_SECONDS }),
      problem: 'signed in too long ago',
    },
    {
      name: 'issued in the future',
      token: token({ iat: now + 3600, exp: now + 7200 }),
      problem: 'issued in the future',
    },
  ])('$name → $problem', ({ token, problem }) => {
    expect(sessionTokenProblem(token, now)).toBe(problem)
  })

  it('ends a session the absolute limit after sign-in', () => {
    expect(sessionEndsAt(now)).toBe(now + SESSION_ABSOLUTE_SECONDS)
  })
})
