import 'server-only'

/** How many calls the queue keeps in flight, and how it backs off. */
export type AdaptiveLimit = { start: number; min: number }

/**
 * Runs `fn` over a growing queue with at most `limit` calls in flight; `close()` ends it once the queue drains. The
 * limit starts high and halves (down to `min`) each time a caller reports throttling with `backOff()`, then creeps
 * back up by one per `start` successes: EKS's per-account API rate limit is shared with everything else in the
 * account, so a burst that it refuses is not retried at the same width. The SDK's own retries stay in place; a
 * throttle reported here is one that outlived them.
 */
export function createAdaptiveWorkQueue<T>(limits: AdaptiveLimit, fn: (item: T) => Promise<void>) {
  const queue: T[] = []
  let limit = limits.start
  let successes = 0
  let active = 0
  let closed = false
  let failure: unknown
  let settle: { resolve: () => void; reject: (e: unknown) => void } | undefined
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }))
  done.catch(() => undefined)
  const pump = () => {
    while (!failure && active < limit && queue.length > 0) {
      const item = queue.shift() as T
      active++
      fn(item)
        .then(() => {
          if (++successes >= limits.start && limit < limits.start) {
            successes = 0
            limit++
          }
        })
        .catch((error: unknown) => {
          failure ??= error
          settle?.reject(error)
        })
        .finally(() => {
          active--
          pump()
        })
    }
    if (closed && active === 0 && queue.length === 0 && !failure) settle?.resolve()
  }
  return {
    push(items: T[]) {
      queue.push(...items)
      pump()
    },
    /** The caller saw a throttling error: halve the calls in flight. */
    backOff() {
      limit = Math.max(limits.min, Math.floor(limit / 2))
      successes = 0
    },
    /** The current number of calls allowed in flight (tests, metrics). */
    get limit() {
      return limit
    },
    close() {
      closed = true
      pump()
      return done
    },
  }
}
