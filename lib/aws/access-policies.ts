import 'server-only'

import { ListAccessPoliciesCommand } from '@aws-sdk/client-eks'

import { configuredAwsEndpoint, getEksClient } from './aws-clients'
import { toConsoleError } from './aws-errors'

// The list changes only when AWS ships a policy; an hour keeps the grant form instant without hiding a new one long.
const TTL_MS = 60 * 60_000
const cache = new Map<string, { at: number; value: Promise<AccessPolicySummary[]> }>()

/** An access policy as ListAccessPolicies names it. */
export type AccessPolicySummary = { name: string; arn: string }

async function fetchAccessPolicies(region: string): Promise<AccessPolicySummary[]> {
  const policies: AccessPolicySummary[] = []
  let nextToken: string | undefined
  try {
    do {
      const page = await getEksClient(region).send(new ListAccessPoliciesCommand({ maxResults: 100, nextToken }))
      for (const p of page.accessPolicies ?? []) {
        if (p.arn) policies.push({ name: p.name ?? p.arn, arn: p.arn })
      }
      nextToken = page.nextToken ?? undefined
    } while (nextToken)
  } catch (error) {
    throw toConsoleError(error, { service: 'EKS', region, endpoint: configuredAwsEndpoint() })
  }
  return policies.sort((a, b) => a.name.localeCompare(b.name))
}

/** ListAccessPolicies (every page), sorted by name; cached per region for an hour. */
export function listAccessPolicies(region: string): Promise<AccessPolicySummary[]> {
  const hit = cache.get(region)
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value
  const value = fetchAccessPolicies(region)
  cache.set(region, { at: Date.now(), value })
  value.catch(() => cache.delete(region))
  return value
}
