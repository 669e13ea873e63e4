import { randomUUID } from 'node:crypto'

/** The AWS services the sandbox endpoint serves. */
export type AwsServiceName = 'eks' | 'iam' | 'sts'

/** Where a fault can apply: an AWS service, or `kube`, the clusters' Kubernetes API (HTTPS port). */
export type FaultTarget = AwsServiceName | 'kube'

/**
 * One fault rule, as sent to `PUT /_sandbox/faults` (`{ "faults": FaultRuleInput[] }`, replacing all rules) or
 * `POST /_sandbox/faults` (one rule, appended). `DELETE /_sandbox/faults` removes every rule; `GET` lists them with
 * their remaining counts.
 *
 * - `service`: `eks` | `iam` | `sts` | `*` (any of those three) | `kube` (the clusters' Kubernetes API);
 *   `operation`: the API name (`ListRoles`, `ListAccessEntries`, …) or `*`; for `kube`, the HTTP method (`GET`, …);
 *   `pathContains`: only requests whose decoded URL path contains this text (EKS names the resource in the path,
 *   e.g. one principal's `DescribeAccessEntry`; a Kubernetes path names cluster and collection,
 *   `/clusters/us-west-2/prod-web/api/v1/namespaces`).
 * - `kind`:
 *   - `latency`: wait `latencyMs` before handling (combines with one other fault);
 *   - `throttle`: EKS 429 `ThrottlingException`, IAM/STS 400 `Throttling` "Rate exceeded" (SDKs retry these),
 *     Kubernetes 429 `TooManyRequests`;
 *   - `error`: `status` 500 (default; EKS ServerException, IAM ServiceFailure, STS InternalFailure) or 503
 *     (ServiceUnavailableException / ServiceUnavailable);
 *   - `drop`: destroy the socket without answering.
 * - When: `count` = only the next N matching requests; `probability` (0–1) = each matching request with that
 *   chance; both = the next N that the dice pick; neither = every matching request.
 *
 * Example: `{"faults":[{"service":"iam","operation":"ListRoles","kind":"throttle","count":2}]}`.
 */
export interface FaultRuleInput {
  service: FaultTarget | '*'
  operation?: string
  pathContains?: string
  kind: 'latency' | 'throttle' | 'error' | 'drop'
  latencyMs?: number
  status?: 500 | 503
  probability?: number
  count?: number
}

export interface FaultRule extends FaultRuleInput {
  id: string
  /** Requests this rule has fired for. */
  fired: number
}

/** What to do to one request: optional delay, then at most one failure. */
export interface FaultPlan {
  delayMs: number
  failure?: { kind: 'throttle' | 'error' | 'drop'; status: number }
}

/** Thrown for a malformed fault definition; the admin API answers 400 with the message. */
export class FaultValidationError extends Error {}

/** Checks and normalises one rule from the admin API. */
export function parseFaultRule(input: unknown): FaultRuleInput {
  if (typeof input !== 'object' || input === null) throw new FaultValidationError('a fault must be an object')
  const r = input as Record<string, unknown>
  if (!['eks', 'iam', 'sts', 'kube', '*'].includes(String(r.service)))
    throw new FaultValidationError('service must be eks, iam, sts, kube or *')
  if (!['latency', 'throttle', 'error', 'drop'].includes(String(r.kind))) {
    throw new FaultValidationError('kind must be latency, throttle, error or drop')
  }
  if (r.operation !== undefined && typeof r.operation !== 'string')
    throw new FaultValidationError('operation must be a string')
  if (r.pathContains !== undefined && !(typeof r.pathContains === 'string' && r.pathContains.length > 0))
    throw new FaultValidationError('pathContains must be a non-empty string')
  if (r.kind === 'latency' && !(typeof r.latencyMs === 'number' && r.latencyMs >= 0 && r.latencyMs <= 120_000)) {
    throw new FaultValidationError('latency needs latencyMs between 0 and 120000')
  }
  if (r.status !== undefined && r.status !== 500 && r.status !== 503)
    throw new FaultValidationError('status must be 500 or 503')
  if (r.probability !== undefined && !(typeof r.probability === 'number' && r.probability >= 0 && r.probability <= 1)) {
    throw new FaultValidationError('probability must be between 0 and 1')
  }
  if (r.count !== undefined && !(Number.isInteger(r.count) && (r.count as number) >= 0)) {
    throw new FaultValidationError('count must be a non-negative integer')
  }
  return {
    service: r.service as FaultRuleInput['service'],
    operation: r.operation as string | undefined,
    pathContains: r.pathContains as string | undefined,
    kind: r.kind as FaultRuleInput['kind'],
    latencyMs: r.latencyMs as number | undefined,
    status: r.status as 500 | 503 | undefined,
    probability: r.probability as number | undefined,
    count: r.count as number | undefined,
  }
}

/** The runtime-switchable fault rules of one sandbox. */
export class FaultInjector {
  private rules: FaultRule[] = []

  constructor(private readonly random: () => number = Math.random) {}

  /** Replaces all rules. */
  replaceRules(inputs: FaultRuleInput[]): FaultRule[] {
    this.rules = inputs.map((i) => ({ ...i, id: randomUUID(), fired: 0 }))
    return this.listRules()
  }

  /** Appends one rule. */
  addRule(input: FaultRuleInput): FaultRule {
    const rule = { ...input, id: randomUUID(), fired: 0 }
    this.rules.push(rule)
    return { ...rule }
  }

  clearRules(): void {
    this.rules = []
  }

  listRules(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }))
  }

  /** Decides the faults for one request (`path` decoded), consuming `count` budgets of the rules that fire. */
  planFaults(service: FaultTarget, operation: string | undefined, path = ''): FaultPlan {
    const plan: FaultPlan = { delayMs: 0 }
    for (const rule of this.rules) {
      // `*` predates the Kubernetes target and keeps meaning "any AWS service".
      if (rule.service === '*' ? service === 'kube' : rule.service !== service) continue
      if (rule.operation !== undefined && rule.operation !== '*' && rule.operation !== operation) continue
      if (rule.pathContains !== undefined && !path.includes(rule.pathContains)) continue
      if (rule.kind !== 'latency' && plan.failure) continue
      if (rule.count !== undefined && rule.fired >= rule.count) continue
      if (rule.probability !== undefined && this.random() >= rule.probability) continue
      rule.fired++
      if (rule.kind === 'latency') plan.delayMs += rule.latencyMs ?? 0
      else plan.failure = { kind: rule.kind, status: rule.kind === 'throttle' ? 429 : (rule.status ?? 500) }
    }
    return plan
  }
}
