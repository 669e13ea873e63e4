import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

describe('processWide', () => {
  it('hands every copy of a module the same value: a second copy does not create another', async () => {
    const first = await import('./process-wide')
    vi.resetModules()
    const second = await import('./process-wide')
    expect(second.processWide).not.toBe(first.processWide)
    const create = vi.fn(() => new Map<string, number>())
    const a = first.processWide('process-wide-test', create)
    const b = second.processWide('process-wide-test', create)
    expect(b).toBe(a)
    expect(create).toHaveBeenCalledTimes(1)
  })
})
