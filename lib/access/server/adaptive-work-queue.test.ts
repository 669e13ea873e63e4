import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const { createAdaptiveWorkQueue } = await import('./adaptive-work-queue')

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('createAdaptiveWorkQueue', () => {
  it('keeps at most the starting limit in flight and finishes every item', async () => {
    let active = 0
    let peak = 0
    const seen: number[] = []
    const queue = createAdaptiveWorkQueue<number>({ start: 8, min: 1 }, async (n) => {
      peak = Math.max(peak, ++active)
      await tick()
      seen.push(n)
      active--
    })
    queue.push(Array.from({ length: 50 }, (_, i) => i))
    await queue.close()
    expect(peak).toBe(8)
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i))
  })

  it.each([
    { throttles: 1, start: 16, expected: 8 },
    { throttles: 2, start: 16, expected: 4 },
    { throttles: 10, start: 16, expected: 2 },
  ])('halves the in-flight limit per throttle, down to min ($throttles throttles from $start)', async (row) => {
    let active = 0
    let peak = 0
    let throttlesLeft = row.throttles
    const queue = createAdaptiveWorkQueue<number>({ start: row.start, min: 2 }, async (n) => {
      if (n === 0) {
        // The first call reports every throttle before the rest start: the others must run at the reduced width.
        while (throttlesLeft-- > 0) queue.backOff()
        return
      }
      peak = Math.max(peak, ++active)
      await tick()
      active--
    })
    queue.push([0])
    await tick()
    expect(queue.limit).toBe(row.expected)
    queue.push(Array.from({ length: row.start - 1 }, (_, i) => i + 1))
    await queue.close()
    expect(peak).toBe(row.expected)
  })

  it('recovers one slot per `start` successes after a throttle', async () => {
    const queue = createAdaptiveWorkQueue<number>({ start: 4, min: 1 }, async () => {
      await tick()
    })
    queue.backOff()
    expect(queue.limit).toBe(2)
    queue.push(Array.from({ length: 8 }, (_, i) => i))
    await queue.close()
    expect(queue.limit).toBe(4)
  })

  it('rejects close() with the first failure and starts nothing after it', async () => {
    let started = 0
    const queue = createAdaptiveWorkQueue<number>({ start: 1, min: 1 }, async (n) => {
      started++
      await tick()
      if (n === 2) throw new Error('boom')
    })
    queue.push([1, 2, 3, 4])
    await expect(queue.close()).rejects.toThrow('boom')
    expect(started).toBe(2)
  })
})
