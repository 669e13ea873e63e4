import type { AwsResponse } from '../core/aws-types'
import { invalidParameter } from './errors'
import type { EksState } from './state'

// `clientRequestToken` is an idempotency token (the SDK fills a random UUID when the caller gives none): the same
// token with the same request returns the first call's result instead of acting twice (docs/eks-wire-protocols.md#idempotency-tokens).

const MAX_REMEMBERED = 2000

function fingerprint(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(fingerprint).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k]) => k !== 'clientRequestToken')
      .sort(([a], [b]) => (a < b ? -1 : 1))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${fingerprint(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'undefined'
}

/**
 * Runs `act` once per (region, operation, token): a repeat with the same path and body replays the stored response;
 * a repeat with different parameters is rejected. Only successful responses are remembered.
 */
export function runIdempotent(
  eks: EksState,
  key: { region: string; operation: string; rawPath: string; token: string | undefined },
  body: unknown,
  act: () => AwsResponse,
): AwsResponse {
  if (!key.token) return act()
  const storeKey = `${key.region}/${key.operation}/${key.token}`
  const print = `${key.rawPath} ${fingerprint(body)}`
  // A world saved before this field existed has none; start remembering from now.
  eks.idempotency ??= {}
  const previous = eks.idempotency[storeKey]
  if (previous) {
    if (previous.bodyFingerprint !== print) {
      // UNVERIFIED wording: EKS has no IdempotentParameterMismatch shape, so this is an InvalidParameterException.
      throw invalidParameter('The clientRequestToken was already used with different request parameters.')
    }
    return { status: previous.status, headers: { 'content-type': 'application/json' }, body: previous.body }
  }
  const response = act()
  if (response.status >= 200 && response.status < 300) {
    eks.idempotency[storeKey] = {
      operation: key.operation,
      bodyFingerprint: print,
      status: response.status,
      body: response.body ?? '',
      at: Date.now(),
    }
    const keys = Object.keys(eks.idempotency)
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_REMEMBERED))) delete eks.idempotency[old]
  }
  return response
}
