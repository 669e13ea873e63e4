import 'server-only'

import { ListRolesCommand, ListUsersCommand, type ListRolesResponse, type ListUsersResponse } from '@aws-sdk/client-iam'

import { configuredAwsEndpoint, getIamClient } from './aws-clients'
import { toConsoleError } from './aws-errors'

// Accounts have up to thousands of roles; listing them once a minute keeps type-ahead search local and cheap.
const TTL_MS = 60_000
const MAX_PRINCIPALS = 10_000
/** An IAM role or user as ListRoles / ListUsers name it. */
export type IamPrincipalRecord = { arn: string; name: string; path: string; kind: 'role' | 'user' }

const cache = new Map<string, { at: number; value: Promise<IamPrincipalRecord[]> }>()

async function fetchPrincipals(region: string): Promise<IamPrincipalRecord[]> {
  const client = getIamClient(region)
  const out: IamPrincipalRecord[] = []
  try {
    let marker: string | undefined
    do {
      const page: ListRolesResponse = await client.send(new ListRolesCommand({ MaxItems: 1000, Marker: marker }))
      for (const role of page.Roles ?? []) {
        if (!role.Arn) continue
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

/** Every IAM role and user of the account (ListRoles + ListUsers, up to 10,000 each), cached per region for a minute. */
export function listIamPrincipals(region: string): Promise<IamPrincipalRecord[]> {
  const hit = cache.get(region)
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value
  const value = fetchPrincipals(region)
  cache.set(region, { at: Date.now(), value })
  value.catch(() => cache.delete(region))
  return value
}
