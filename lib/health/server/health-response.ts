import 'server-only'

import { readinessChecks } from './readiness'

// Probes run every few seconds and must never be cached by a proxy.
const headers = { 'cache-control': 'no-store' }

/** Liveness: the process answers. Nothing else is checked, so a database outage does not restart every pod. */
export function livenessResponse(): Response {
  return Response.json({ status: 'ok' }, { headers })
}

/** Readiness: 200 with each check when all pass, 503 naming the failed ones otherwise. Secrets never appear. */
export async function readinessResponse(): Promise<Response> {
  const checks = await readinessChecks()
  const ready = checks.every((check) => check.ok)
  return Response.json({ status: ready ? 'ready' : 'not_ready', checks }, { status: ready ? 200 : 503, headers })
}
