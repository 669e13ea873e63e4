import 'server-only'

import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client'

import { processWide } from '@/lib/api/server/process-wide'

// Next bundles each route handler separately, so a module-level registry would exist once per route and /api/metrics
// would see only its own counters. One process-wide value (processWide). Each replica serves its own
// numbers: Prometheus scrapes every pod and sums (https://prometheus.io/docs/practices/instrumentation/).
type ConsoleMetrics = {
  registry: Registry
  requests: Counter<'route' | 'method' | 'status'>
  requestSeconds: Histogram<'route' | 'method'>
  upstreamCalls: Counter<'service' | 'operation' | 'outcome'>
  upstreamSeconds: Histogram<'service'>
  revocations: Counter<'outcome'>
  revocationLagSeconds: Histogram
}

function create(): ConsoleMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'console_' })
  return {
    registry,
    requests: new Counter({
      name: 'console_http_requests_total',
      help: 'API requests by route template, method and status',
      labelNames: ['route', 'method', 'status'],
      registers: [registry],
    }),
    requestSeconds: new Histogram({
      name: 'console_http_request_duration_seconds',
      help: 'API request latency by route template and method',
      labelNames: ['route', 'method'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
      registers: [registry],
    }),
    upstreamCalls: new Counter({
      name: 'console_upstream_calls_total',
      help: 'AWS and Kubernetes calls by service, operation and outcome (ok, error, throttled, timeout)',
      labelNames: ['service', 'operation', 'outcome'],
      registers: [registry],
    }),
    upstreamSeconds: new Histogram({
      name: 'console_upstream_call_duration_seconds',
      help: 'AWS and Kubernetes call latency by service, retries included',
      labelNames: ['service'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
      registers: [registry],
    }),
    revocations: new Counter({
      name: 'console_time_bound_revocations_total',
      help: 'Time-bound grant revocations by outcome (revoked, drifted, failed: retried later, stuck: failed 5 times)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    // The scheduler's lag: how long after its end a grant was revoked (the target is within 60 s).
    revocationLagSeconds: new Histogram({
      name: 'console_time_bound_revocation_lag_seconds',
      help: 'Seconds from a time-bound grant ending to its revocation',
      buckets: [1, 5, 15, 30, 60, 120, 300, 900, 3600],
      registers: [registry],
    }),
  }
}

/** The process-wide metrics (created on first use). */
export function consoleMetrics(): ConsoleMetrics {
  return processWide('metrics', create)
}

/** The outcome label of an upstream call: throttles and timeouts apart from other errors, since each needs a different fix. */
export function upstreamOutcome(error: unknown): 'ok' | 'error' | 'throttled' | 'timeout' {
  if (error === undefined) return 'ok'
  const e = (error ?? {}) as {
    name?: unknown
    code?: unknown
    statusCode?: unknown
    $metadata?: { httpStatusCode?: unknown }
  }
  const name = typeof e.name === 'string' ? e.name : ''
  const status = e.$metadata?.httpStatusCode ?? e.code ?? e.statusCode
  if (/Throttl|TooManyRequests|RequestLimitExceeded/.test(name) || status === 429) return 'throttled'
  if (/Timeout|AbortError/.test(name)) return 'timeout'
  return 'error'
}

/** Counts one upstream call (AWS or Kubernetes) and its latency; `error` is undefined when it succeeded. */
export function observeUpstreamCall(service: string, operation: string, startedAt: number, error?: unknown): void {
  const metrics = consoleMetrics()
  metrics.upstreamCalls.inc({ service, operation, outcome: upstreamOutcome(error) })
  metrics.upstreamSeconds.observe({ service }, (performance.now() - startedAt) / 1000)
}

/** The operation label of a Kubernetes call: verb and resource (`list pods`), never a namespace or name. */
export function kubeOperation(action: { verb?: string; resource?: string }): string {
  return `${action.verb ?? 'call'} ${action.resource ?? 'unknown'}`
}
