import 'server-only'

import { getAuditStore } from '@/lib/audit/server/audit-store-instance'
import { configurationProblems } from '@/lib/env'

/** One readiness check: its name, whether it passed, and (when not) why, in words an operator can act on. */
export type ReadinessCheck = { name: 'configuration' | 'store'; ok: boolean; detail?: string }

// A readiness probe that hangs is as bad as one that fails: the kubelet's own timeout would hide the cause.
const STORE_PROBE_MS = 3_000

async function storeReachable(): Promise<ReadinessCheck> {
  try {
    const probe = (async () => {
      const store = await getAuditStore()
      // A real read: an open pool with a dead database must not look ready.
      await store.readRecordingFailures()
      return store.kind
    })()
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer in ${STORE_PROBE_MS / 1000} s`)), STORE_PROBE_MS).unref(),
    )
    const kind = await Promise.race([probe, timeout])
    return { name: 'store', ok: true, detail: kind }
  } catch (error) {
    return { name: 'store', ok: false, detail: error instanceof Error ? error.message : 'unreachable' }
  }
}

/**
 * Whether this replica can serve: its configuration is valid and its audit/session store answers (without the store
 * it can neither check sessions nor record writes). A load balancer sends traffic only to ready replicas.
 */
export async function readinessChecks(): Promise<ReadinessCheck[]> {
  const problems = configurationProblems()
  const configuration: ReadinessCheck =
    problems.length === 0
      ? { name: 'configuration', ok: true }
      : { name: 'configuration', ok: false, detail: problems.map((p) => p.variable).join(', ') + ' invalid' }
  // With an invalid configuration the store's settings cannot be read either.
  if (!configuration.ok) return [configuration, { name: 'store', ok: false, detail: 'not checked' }]
  return [configuration, await storeReachable()]
}
