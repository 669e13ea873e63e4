/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
// The fault matrix's shared parts: the four faults, how each must surface, and the runner that injects one fault on
// one AWS operation in the sandbox, calls the console route that uses it, and checks the answer.
import { expect } from 'vitest'

import type { FaultRuleInput } from '@/sandbox/core/faults'
import type { TestSandbox } from '@/tests/support/start-test-sandbox'

/** The console's upstream timeout during the matrix: short, so a stalled operation costs 1.5 s, not 15 s. */
export const MATRIX_TIMEOUT_MS = 1_500

export type FaultKind = 'throttle' | 'error' | 'latency' | 'drop'
export const FAULT_KINDS: FaultKind[] = ['throttle', 'error', 'drop', 'latency']

/** The rule for one kind. Five firings cover every attempt of either client (3, or 5 for the bulk reads). */
export function faultRule(
  service: 'eks' | 'iam' | 'sts',
  operation: string,
  kind: FaultKind,
  pathContains?: string,
  everyRequest = false,
): FaultRuleInput {
  const rule = { service, operation, ...(pathContains ? { pathContains } : {}) }
  const count = everyRequest ? {} : { count: 5 }
  if (kind === 'latency') return { ...rule, kind, latencyMs: MATRIX_TIMEOUT_MS * 2 }
  if (kind === 'error') return { ...rule, kind, status: 503, ...count }
  return { ...rule, kind, ...count }
}

/**
 * The error codes a fault may surface as. A throttle may also end at the deadline (the SDK's back-off between
 * attempts counts against it); a dropped connection is "cannot reach" after the SDK's retries.
 */
export const expectedCodes: Record<FaultKind, string[]> = {
  throttle: ['throttled', 'upstream_timeout'],
  error: ['upstream_unavailable'],
  latency: ['upstream_timeout'],
  // The SDK retries a reset connection too; when the retries outlast the deadline, the answer is the timeout.
  drop: ['upstream_unreachable', 'upstream_timeout'],
}

/** A page that degrades must still say what failed: some message in it names the AWS service and region. */
export function expectNamesTheFailure(answer: Answer): void {
  expect(JSON.stringify(answer.body)).toMatch(/(EKS|IAM|STS) in [a-z0-9-]+ /)
}

const SERVICE_NAMES = { eks: 'EKS', iam: 'IAM', sts: 'STS' } as const

export type Answer = { status: number; body: any }

/** One row: an operation the console calls and a route call that reaches it. */
export type MatrixRow = {
  service: 'eks' | 'iam' | 'sts'
  operation: string
  /** Narrows the fault to requests naming one resource (one entry of a fan-out of reads). */
  pathContains?: string
  /**
   * Fault every request, not the next five: a fan-out of parallel calls (one per add-on, role, …) would share five
   * firings, each call's retries would absorb them, and the page would rightly be complete.
   */
  everyRequest?: boolean
  /** Runs before the fault is injected (creates what the call changes); returns what `call` needs. */
  prepare?: () => Promise<unknown>
  call: (prepared: unknown) => Promise<Answer>
  /**
   * The route degrades instead of failing (e.g. the access page shows the entries it could read): the answer is 2xx
   * and `degraded` checks that it names what failed.
   */
  degraded?: (answer: Answer, kind: FaultKind) => void
}

/** Injects `kind` on the row's operation, calls the route, and checks the answer names what failed. */
export async function runMatrixCell(sandbox: TestSandbox, row: MatrixRow, kind: FaultKind): Promise<Answer> {
  const prepared = await row.prepare?.()
  sandbox.sandbox.faults.replaceRules([faultRule(row.service, row.operation, kind, row.pathContains, row.everyRequest)])
  let answer: Answer
  let fired = 0
  try {
    answer = await row.call(prepared)
    fired = sandbox.sandbox.faults.listRules()[0]?.fired ?? 0
  } finally {
    sandbox.sandbox.faults.clearRules()
  }
  const what = `${row.operation} ${kind} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}`
  // A cache that answered instead of AWS would make the row prove nothing.
  expect(fired, `${what}: the fault never fired`).toBeGreaterThan(0)
  expect(answer.status, what).not.toBe(500)
  if (answer.status < 400) {
    expect(row.degraded, `${what}: the route ignored the fault`).toBeDefined()
    row.degraded?.(answer, kind)
    return answer
  }
  expect(expectedCodes[kind], what).toContain(answer.body.error?.code)
  const names = new RegExp(`${SERVICE_NAMES[row.service]}|AWS endpoint`)
  expect(answer.body.error?.message, what).toMatch(names)
  return answer
}
