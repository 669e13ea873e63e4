/**
 * Runs once when the server starts: validating the configuration here makes a wrong variable stop `next start` with
 * the full list of problems, instead of surfacing as a 500 on the first page someone opens.
 */
export async function register() {
  // Next.js calls register() for the edge runtime too, where lib/env (node-only) must not load.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { loadEnv } = await import('@/lib/env')
  loadEnv()
}
