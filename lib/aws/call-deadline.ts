import 'server-only'

import { AsyncLocalStorage } from 'node:async_hooks'
import { NodeHttpHandler } from '@smithy/node-http-handler'

type HandleArgs = Parameters<NodeHttpHandler['handle']>

/** What bounds one AWS call: its abort signal (fires at the deadline) and each attempt's request timeout. */
type CallBounds = { abortSignal: AbortSignal; requestTimeout: number }

// The bounds reach the request handler through the call's async context, not through `send`'s options: a send with
// options makes the SDK build the client's middleware stack again, which the clients' `cacheMiddleware` skips
// (docs/decisions/0005-sdk-handler-cache.md).
const callBounds = new AsyncLocalStorage<CallBounds>()

/** The SDK's Node.js request handler, which gives every attempt the bounds of the call it belongs to. */
export class DeadlineBoundRequestHandler extends NodeHttpHandler {
  override handle(request: HandleArgs[0], options: HandleArgs[1] = {}): ReturnType<NodeHttpHandler['handle']> {
    const bounds = callBounds.getStore()
    return super.handle(request, bounds ? { ...options, ...bounds } : options)
  }
}

/** An AbortError caused by a TimeoutError: the shape the request handler rejects with when a deadline aborts it. */
function deadlineError(reason: DOMException): Error {
  return Object.assign(new Error('Request aborted'), { name: 'AbortError', cause: reason })
}

/**
 * Runs one SDK call so that it ends within `timeoutMs`, retries and back-off included: the attempt in flight at the
 * deadline is aborted (its socket torn down, and an aborted call is not retried) and the call rejects at the deadline
 * even while the SDK waits to retry, with an AbortError caused by a TimeoutError (as the handler's own abort).
 */
export async function callWithDeadline<T>(timeoutMs: number, call: () => Promise<T>): Promise<T> {
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const reason = new DOMException(`The call did not finish within ${timeoutMs} ms.`, 'TimeoutError')
      controller.abort(reason)
      reject(deadlineError(reason))
    }, timeoutMs)
  })
  try {
    return await Promise.race([
      callBounds.run({ abortSignal: controller.signal, requestTimeout: timeoutMs }, call),
      expired,
    ])
  } finally {
    clearTimeout(timer)
  }
}
