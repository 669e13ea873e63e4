import 'server-only'

/**
 * How long the console waits for one AWS call (all its retries included) or one Kubernetes request before it gives
 * up and answers 504: a stalled upstream should fail a page in seconds, not hold it for the OS default (minutes).
 */
export const UPSTREAM_TIMEOUT_MS = 15_000

let currentTimeoutMs = UPSTREAM_TIMEOUT_MS

/** The upstream timeout in force (read per call, so a test's shorter value applies to clients created earlier). */
export function getUpstreamTimeoutMs(): number {
  return currentTimeoutMs
}

/**
 * Tests only: a shorter timeout, so a fault matrix that stalls dozens of calls runs in seconds; `undefined` restores
 * {@link UPSTREAM_TIMEOUT_MS}. Production code never calls it.
 */
export function setUpstreamTimeoutForTests(ms: number | undefined): void {
  currentTimeoutMs = ms ?? UPSTREAM_TIMEOUT_MS
}

/** "15 s" (or "1.5 s"), for messages that say how long the console waited. */
export function formatUpstreamTimeout(ms: number = currentTimeoutMs): string {
  return `${Number((ms / 1000).toFixed(1))} s`
}
