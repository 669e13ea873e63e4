import 'server-only'

/**
 * Maps `items` with at most `limit` calls in flight, keeping order. List-then-describe over many clusters would
 * otherwise fire every DescribeCluster at once and trip EKS's per-account API rate limit.
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
