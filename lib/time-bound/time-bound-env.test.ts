import { describe, expect, it } from 'vitest'

import { findEnvProblems, parseEnv } from '@/lib/env-schema'

// The time-bound variables of lib/env-schema.ts: a minimum under a minute only for sandbox sign-in (demos and e2e),
// and the break-glass principals by console user.
const localToken = {
  NODE_ENV: 'production',
  NEXTAUTH_SECRET: 'a-secret-of-32-characters-or-so!',
  CONSOLE_AUTH: 'local-token',
  CONSOLE_LOCAL_TOKEN_SHA256: 'ab'.repeat(32),
  HOST: '127.0.0.1',
}
const ROLE = 'arn:aws:iam::111122223333:role/BreakGlassAdmin'

describe('time-bound configuration', () => {
  it.each([
    ['default minimum', {}, 300],
    ['sandbox may ask for seconds', { TIME_BOUND_MIN_SECONDS: '10' }, 10],
    ['a real account may ask for a minute', { ...localToken, TIME_BOUND_MIN_SECONDS: '60' }, 60],
  ])('%s', (_name, source, minimum) => {
    expect(parseEnv(source).timeBoundMinSeconds).toBe(minimum)
  })

  it.each([
    ['seconds against a real account', { ...localToken, TIME_BOUND_MIN_SECONDS: '10' }, /at least 60 outside sandbox/],
    ['not a number', { TIME_BOUND_MIN_SECONDS: 'soon' }, /expected number/i],
    ['a break-glass item without a principal', { BREAK_GLASS_PRINCIPALS: 'alice' }, /console-user=IAM principal ARN/],
  ])('refuses %s', (_name, source, problem) => {
    expect(
      findEnvProblems(source)
        .map((p) => `${p.variable}: ${p.message}`)
        .join('\n'),
    ).toMatch(problem)
  })

  it('maps break-glass principals by console user', () => {
    const env = parseEnv({ BREAK_GLASS_PRINCIPALS: `alice@example.com=${ROLE}, Sandbox Admin=${ROLE}` })
    expect(env.breakGlassPrincipals).toEqual({ 'alice@example.com': ROLE, 'Sandbox Admin': ROLE })
  })
})
