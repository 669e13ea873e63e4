import 'server-only'

import { ListRolesCommand, ListUsersCommand, type ListRolesResponse, type ListUsersResponse } from '@aws-sdk/client-iam'

import type { IamPrincipal } from '@/lib/access/access-entry-dto'
import { isServiceLinkedRole } from '@/lib/access/arn'

import { configuredAwsEndpoint, getIamClient } from './aws-clients'
import { toConsoleError } from './aws-errors'

// Accounts have up to thousands of roles; listing them once a minute keeps type-ahead search local and cheap.
const TTL_MS = 60_000
const MAX_PRINCIPALS = 10_000
const cache = new Map<string, { at: number; value: Promise<IamPrincipal[]> }>()

async function fetchPrincipals(region: string): Promise<IamPrincipal[]> {
  const client = getIamClient(region)
  const out: IamPrincipal[] = []
  try {
    let marker: string | undefined
    do {
      const page: ListRolesResponse = await client.send(new ListRolesCommand({ MaxItems: 1000, Marker: marker }))
      for (const role of page.Roles ?? []) {
        // Service-linked roles can never have access entries (EKS refuses them), so they are not offered.
        if (!role.Arn || isServiceLinkedRole(role.Arn)) continue
        out.push({ arn: role.Arn, name: role.RoleName ?? role.Arn, path: role.Path ?? '/', kind: 'role' })
      }
      marker = page.IsTruncated ? page.Marker : undefined
    } while (marker && out.length < MAX_PRINCIPALS)
    marker = undefined
    do {
      const page: ListUsersResponse = await client.send(new ListUsersCommand({ MaxItems: 1000, Marker: marker }))
      for (const user of page.Users ?? []) {
        if (user.Arn) out.push({ arn: user.Arn, name: user.UserName ?? user.Arn, path: user.Path ?? '/', kind: 'user' })
      }
      marker = page.IsTruncated ? page.Marker : undefined
    } while (marker && out.length < MAX_PRINCIPALS)
  } catch (error) {
    throw toConsoleError(error, { service: 'IAM', region, endpoint: configuredAwsEndpoint() })
  }
  return out
}

function listPrincipals(region: string): Promise<IamPrincipal[]> {
  const hit = cache.get(region)
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value
  const value = fetchPrincipals(region)
  cache.set(region, { at: Date.now(), value })
  value.catch(() => cache.delete(region))
  return value
}

/**
 * Searches IAM roles and users (ListRoles + ListUsers) by name, path or ARN, case-insensitively. Name prefix matches
 * come first. Returns at most `limit` results and whether more matched.
 */
export async function searchIamPrincipals(
  region: string,
  query: string,
  limit = 25,
): Promise<{ principals: IamPrincipal[]; truncated: boolean }> {
  const q = query.trim().toLowerCase()
  const all = await listPrincipals(region)
  const matches = all.filter((p) => q === '' || p.arn.toLowerCase().includes(q))
  const rank = (p: IamPrincipal) => (p.name.toLowerCase().startsWith(q) ? 0 : 1)
  matches.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
  return { principals: matches.slice(0, limit), truncated: matches.length > limit }
}
