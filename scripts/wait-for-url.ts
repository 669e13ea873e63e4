/** Polls `url` until it answers (any HTTP status) or `timeoutMs` passes. */
export async function waitForUrl(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2_000) })
      return
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
}
