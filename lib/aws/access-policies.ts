import 'server-only'

import { ListAccessPoliciesCommand } from '@aws-sdk/client-eks'

import type { AccessPolicyDto } from '@/lib/access/access-entry-dto'
import { findAccessPolicy } from '@/lib/access/policy-catalogue'

import { configuredAwsEndpoint, getEksClient } from './aws-clients'
import { toConsoleError } from './aws-errors'

// The list changes only when AWS ships a policy; an hour keeps the grant form instant without hiding a new one long.
const TTL_MS = 60 * 60_000
const cache = new Map<string, { at: number; value: Promise<AccessPolicyDto[]> }>()

/** Explains one policy from the shared catalogue; a policy it does not know is kept, marked "rules not documented". */
export function describeAccessPolicy(name: string, arn: string): AccessPolicyDto {
  const info = findAccessPolicy(arn) ?? findAccessPolicy(name)
  return {
    name,
    arn,
    summary: info?.summary ?? null,
    category: info?.category ?? null,
    typicalScope: info?.typicalScope ?? null,
    documented: info?.rules !== undefined,
    managedByEks: info?.managedByEks ?? false,
    rules: info?.rules ?? null,
  }
}

async function fetchAccessPolicies(region: string): Promise<AccessPolicyDto[]> {
  const policies: AccessPolicyDto[] = []
  let nextToken: string | undefined
  try {
    do {
      const page = await getEksClient(region).send(new ListAccessPoliciesCommand({ maxResults: 100, nextToken }))
      for (const p of page.accessPolicies ?? []) {
        if (p.arn) policies.push(describeAccessPolicy(p.name ?? p.arn, p.arn))
      }
      nextToken = page.nextToken ?? undefined
    } while (nextToken)
  } catch (error) {
    throw toConsoleError(error, { service: 'EKS', region, endpoint: configuredAwsEndpoint() })
  }
  return policies.sort((a, b) => a.name.localeCompare(b.name))
}

/** ListAccessPolicies (every page), each explained in Kubernetes terms; cached per region for an hour. */
export function listAccessPolicies(region: string): Promise<AccessPolicyDto[]> {
  const hit = cache.get(region)
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value
  const value = fetchAccessPolicies(region)
  cache.set(region, { at: Date.now(), value })
  value.catch(() => cache.delete(region))
  return value
}
