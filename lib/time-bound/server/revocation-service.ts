import 'server-only'

import { withClusterWriteLock } from '@/lib/access/server/cluster-write-lock'
import { logServerError } from '@/lib/api/server/log-server-error'
import { processWide } from '@/lib/api/server/process-wide'
import { env } from '@/lib/env'

import { recordRevocation } from './record-revocation'
import { createRevocationScheduler, pollIntervalMs, type RevocationScheduler } from './revocation-scheduler'
import { revokeGrant } from './revokers'
import type { TimeBoundStore } from './time-bound-store'
import { getTimeBoundStore } from './time-bound-store-instance'

// Each call asks for the process's store afresh, so a store reopened after a failure (or replaced in a test) is used.
const currentStore: TimeBoundStore = {
  kind: 'sqlite',
  requests: {
    add: async (request) => (await getTimeBoundStore()).requests.add(request),
    get: async (id) => (await getTimeBoundStore()).requests.get(id),
    list: async (...args) => (await getTimeBoundStore()).requests.list(...args),
    decide: async (...args) => (await getTimeBoundStore()).requests.decide(...args),
    reopen: async (...args) => (await getTimeBoundStore()).requests.reopen(...args),
  },
  add: async (grant) => (await getTimeBoundStore()).add(grant),
  discard: async (id) => (await getTimeBoundStore()).discard(id),
  updateAddition: async (id, addition) => (await getTimeBoundStore()).updateAddition(id, addition),
  listActive: async (target) => (await getTimeBoundStore()).listActive(target),
  listFailing: async (min) => (await getTimeBoundStore()).listFailing(min),
  claimDue: async (...args) => (await getTimeBoundStore()).claimDue(...args),
  finish: async (...args) => (await getTimeBoundStore()).finish(...args),
  retryLater: async (...args) => (await getTimeBoundStore()).retryLater(...args),
  readSettings: async (cluster) => (await getTimeBoundStore()).readSettings(cluster),
  writeSettings: async (...args) => (await getTimeBoundStore()).writeSettings(...args),
  close: async () => undefined,
}

// One scheduler per process, whichever route bundle or instrumentation.ts asks first.
const shared = processWide('revocation-scheduler', () => ({
  scheduler: undefined as Promise<RevocationScheduler> | undefined,
}))

/**
 * Starts this process's revocation scheduler once (instrumentation.ts calls it at server start-up): the first round
 * runs at once, so a grant that expired while the console was down is revoked now. Every replica runs one; their
 * claims in the shared store make each grant revoked by exactly one of them.
 */
export function startRevocationScheduler(): Promise<RevocationScheduler> {
  shared.scheduler ??= getTimeBoundStore().then(() => {
    const scheduler = createRevocationScheduler({
      store: currentStore,
      revoke: revokeGrant,
      withClusterLock: withClusterWriteLock,
      recordOutcome: recordRevocation,
      logFailure: (grant, attempt, error) =>
        logServerError(
          `grant-${grant.id.slice(0, 8)}`,
          `Revoking time-bound grant ${grant.id} (attempt ${attempt})`,
          error,
        ),
    })
    scheduler.start(pollIntervalMs(env.timeBoundMinSeconds), (error) =>
      logServerError('revocation-scheduler', 'A revocation round', error),
    )
    return scheduler
  })
  // A store that could not open is tried again by the next caller (the next grant, or a restart).
  shared.scheduler.catch(() => (shared.scheduler = undefined))
  return shared.scheduler
}
