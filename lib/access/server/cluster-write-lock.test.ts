import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const { createInProcessLock } = await import('./cluster-write-lock')

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('createInProcessLock', () => {
  it('runs holders of one key one at a time, in arrival order', async () => {
    const lock = createInProcessLock()
    let inside = 0
    let most = 0
    const order: number[] = []
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        lock.run('a', async () => {
          inside++
          most = Math.max(most, inside)
          await tick()
          order.push(i)
          inside--
        }),
      ),
    )
    expect(most).toBe(1)
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('lets different keys run at the same time', async () => {
    const lock = createInProcessLock()
    let inside = 0
    let most = 0
    const hold = async () => {
      inside++
      most = Math.max(most, inside)
      await tick()
      inside--
    }
    await Promise.all([lock.run('a', hold), lock.run('b', hold)])
    expect(most).toBe(2)
  })

  it('releases the key when a holder throws, and forgets idle keys', async () => {
    const tails = new Map<string, Promise<void>>()
    const lock = createInProcessLock(tails)
    await expect(lock.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(lock.run('a', async () => 'next')).resolves.toBe('next')
    expect(tails.size).toBe(0)
  })
})
