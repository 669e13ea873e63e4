/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Session } from 'next-auth'
import { afterAll, beforeAll, beforeEach } from 'vitest'

import { startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

import { getConsoleSession } from './console-session-mock'

export { getConsoleSession }

// Route handlers run in-process against a real sandbox: lib/env reads these on first use, and the SDK's default
// credential chain picks up the admin key (the console's own principal, user/admin). Writes record audit events, so
// the audit store is a SQLite file in a temp folder (never the repo's .data/, never a DATABASE_URL from the shell),
// removed with the sandbox.
export async function startConsoleAccessSandbox(): Promise<TestSandbox> {
  const sandbox = await startTestSandbox()
  const auditDir = await mkdtemp(join(tmpdir(), 'console-audit-'))
  process.env.AWS_ENDPOINT_URL = sandbox.url
  process.env.AWS_ACCESS_KEY_ID = sandbox.admin.credentials.accessKeyId
  process.env.AWS_SECRET_ACCESS_KEY = sandbox.admin.credentials.secretAccessKey
  process.env.AWS_REGION = 'us-west-2'
  process.env.CONSOLE_REGIONS = 'us-west-2,eu-west-1'
  process.env.AUDIT_DB_PATH = join(auditDir, 'audit.sqlite')
  delete process.env.DATABASE_URL
  return {
    ...sandbox,
    async stop(opts) {
      // Close the store before its folder goes (the callers mock server-only, as every route test must).
      await (await import('@/lib/audit/server/audit-store-instance')).setAuditStore(null)
      await (await import('@/lib/time-bound/server/time-bound-store-instance')).setTimeBoundStore(null)
      await sandbox.stop(opts)
      await rm(auditDir, { recursive: true, force: true })
    },
  }
}

/** A session of the given console role. */
export function sessionFor(role: Session['user']['role']): Session {
  return { expires: '2099-01-01T00:00:00Z', user: { name: role, email: null, role } }
}

/**
 * Registers the file's sandbox lifecycle: started before all tests, stopped after them, fault rules cleared before each
 * test and, with `role`, the mocked session reset to that role. Call it at the top of the file, before the file's own
 * `beforeAll` (hooks run in the order they are registered), so routes imported there read the sandbox's env.
 * Returns the running sandbox's accessor.
 */
export function setUpConsoleAccessSandbox(options: { role?: Session['user']['role'] } = {}): () => TestSandbox {
  let sandbox: TestSandbox | undefined
  beforeAll(async () => {
    sandbox = await startConsoleAccessSandbox()
  })
  afterAll(async () => sandbox?.stop())
  beforeEach(() => {
    if (options.role) getConsoleSession.mockReset().mockResolvedValue(sessionFor(options.role))
    sandbox?.sandbox.faults.clearRules()
  })
  return () => {
    if (!sandbox) throw new Error('The console access sandbox is not running (used outside the test hooks?)')
    return sandbox
  }
}

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>

/** Calls a route handler like Next would, with JSON body, params and extra headers (e.g. If-Match). */
export async function callRoute<P>(
  handler: Handler<P>,
  params: P,
  init: { method?: string; body?: unknown; query?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; etag?: string }> {
  const url = `http://console.test/api/x${init.query ?? ''}`
  const req = new Request(url, {
    method: init.method ?? 'GET',
    ...(init.body === undefined
      ? { headers: init.headers }
      : { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json', ...init.headers } }),
  })
  const response = await handler(req, { params: Promise.resolve(params) })
  const etag = response.headers.get('etag')
  // Only answers that carry an ETag get the key, so whole-result comparisons of other routes stay as they were.
  return { status: response.status, body: await response.json(), ...(etag === null ? {} : { etag }) }
}

/**
 * Calls a streaming route handler (GET …?stream=1) and reads its answer whole: the status, the text, and the NDJSON
 * lines (none when the answer is not NDJSON, e.g. an error status answered as JSON).
 */
export async function callNdjsonRoute<P>(
  handler: Handler<P>,
  params: P,
  query: string,
): Promise<{ status: number; lines: any[]; text: string }> {
  const response = await handler(new Request(`http://console.test/api/x${query}`), { params: Promise.resolve(params) })
  const text = await response.text()
  const lines = response.headers.get('content-type')?.includes('ndjson')
    ? text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : []
  return { status: response.status, lines, text }
}

/** The principal ARNs an access-entries stream sent, in the order of its `entries` lines. */
export const streamedPrincipals = (lines: any[]): string[] =>
  lines.filter((l) => l.kind === 'entries').flatMap((l) => l.entries.map((e: any) => e.principalArn))

/** If-Match for tests that are not about versions: "whatever is there now" (writes that need one get 428 without). */
export const anyVersion = { 'if-match': '*' }

export const ACCOUNT = '111122223333'
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`
export const userArn = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`
export const policyArn = (name: string) => `arn:aws:eks::aws:cluster-access-policy/${name}`
