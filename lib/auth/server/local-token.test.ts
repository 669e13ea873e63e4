import { createHash } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { redeemLocalToken } = await import('./local-token')

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex')

describe('redeemLocalToken', () => {
  it.each([
    { name: 'the wrong token', presented: 'guess', accepted: false },
    { name: 'an empty token', presented: '', accepted: false },
    { name: 'no token', presented: undefined, accepted: false },
    { name: 'a number', presented: 42, accepted: false },
  ])('refuses $name', ({ presented, accepted }) => {
    expect(redeemLocalToken(presented, hashOf(`right-${String(presented)}`))).toBe(accepted)
  })

  it('accepts the printed token once: a second sign-in with it is refused', () => {
    const token = 'printed-token-abc'
    expect(redeemLocalToken('wrong', hashOf(token))).toBe(false)
    expect(redeemLocalToken(token, hashOf(token))).toBe(true)
    expect(redeemLocalToken(token, hashOf(token))).toBe(false)
  })

  it('refuses every token when the configured hash is malformed', () => {
    expect(redeemLocalToken('x', 'abcd')).toBe(false)
  })
})
