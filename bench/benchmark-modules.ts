import type { Benchmark } from './bench-types'

/** Every benchmark `npm run bench` runs, in order. */
export const benchmarkModules: Array<() => Promise<{ benchmark: Benchmark }>> = [
  () => import('./access-page'),
  () => import('./browse-pods'),
  () => import('./aws-auth-migration'),
  () => import('./first-load-js'),
  () => import('./effective-access'),
  () => import('./findings'),
  () => import('./sandbox-startup'),
  () => import('./time-bound-revocations'),
]
