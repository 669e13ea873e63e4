import 'server-only'

import { EnvError, findEnvProblems, parseEnv, type ConsoleEnv, type EnvProblem } from './env-schema'

export { EnvError, parseEnv, type ConsoleEnv, type EnvProblem }

let cached: ConsoleEnv | undefined

/** Parses `process.env` once, on first use (so `next build` runs without the runtime configuration). */
export function loadEnv(): ConsoleEnv {
  cached ??= parseEnv(process.env)
  return cached
}

/**
 * The problems of `process.env` (empty when it is valid), for the page that explains them instead of a bare 500
 * when the server was started without the launcher's checks (e.g. `npm run serve`).
 */
export function configurationProblems(): EnvProblem[] {
  // `next build` prerenders static pages without the runtime configuration; only a running server is judged.
  if (cached || process.env.NEXT_PHASE === 'phase-production-build') return []
  return findEnvProblems(process.env)
}

/** The validated configuration, read lazily on first property access. */
export const env: ConsoleEnv = new Proxy({} as ConsoleEnv, {
  get: (_target, key) => loadEnv()[key as keyof ConsoleEnv],
})
