/**
 * Runs once when the server starts: a wrong variable is reported here as one paragraph per problem (no stack trace),
 * and every page then explains the same problems (app/layout.tsx) instead of answering a bare 500. `npm start`
 * checks the same rules before it starts the server, so this catches only servers started some other way.
 */
export async function register() {
  // Next.js calls register() for the edge runtime too, where lib/env (node-only) must not load.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { configurationProblems } = await import('@/lib/env')
  const { describeEnvProblem } = await import('@/lib/env-schema')
  const problems = configurationProblems()
  if (problems.length === 0) {
    // Time-bound grants end on their own: the scheduler revokes overdue ones now and due ones as they come.
    const { startRevocationScheduler } = await import('@/lib/time-bound/server/revocation-service')
    await startRevocationScheduler().catch((error: unknown) =>
      console.error('The time-bound access scheduler could not start; it is retried on the next grant.', error),
    )
    return
  }
  console.error(
    ["The console's configuration is invalid; every page explains this until it is fixed:", '']
      .concat(problems.map((problem) => `${describeEnvProblem(problem)}\n`))
      .join('\n'),
  )
}
