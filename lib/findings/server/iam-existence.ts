import 'server-only'

import { listPrincipalArnsByName } from '@/lib/aws/iam-principal-lookup'
import type { IamExistence } from '@/lib/findings/entry-findings'

// IAM is global: one ListRoles + ListUsers walk answers for every cluster of the account (a call per principal would
// be 1,000 GetRole calls for the scale cluster's entries). Reused for as long as the findings themselves.
const TTL_MS = 60_000
// A Refresh re-evaluates every cluster at once: they share one fresh listing instead of one each.
const FRESH_MS = 10_000
const cache = new Map<string, { at: number; value: Promise<IamExistence> }>()

async function readIamExistence(region: string, accountId: string): Promise<IamExistence> {
  const [roles, users] = await Promise.all([
    listPrincipalArnsByName(region, 'role'),
    listPrincipalArnsByName(region, 'user'),
  ])
  return { accountId, roleNames: new Set(roles.keys()), userNames: new Set(users.keys()) }
}

/**
 * The role and user names IAM holds in the console's account (the only account it can list), or a reason it could
 * not say; `fresh` lists again unless a listing of the last few seconds is there.
 */
export async function loadIamExistence(
  region: string,
  accountId: string,
  options: { fresh?: boolean } = {},
): Promise<{ iam: IamExistence } | { error: string }> {
  const hit = cache.get(accountId)
  let value = hit?.value
  if (!hit || Date.now() - hit.at >= (options.fresh ? FRESH_MS : TTL_MS)) {
    value = readIamExistence(region, accountId)
    cache.set(accountId, { at: Date.now(), value })
    value.catch(() => cache.delete(accountId))
  }
  try {
    return { iam: await (value as Promise<IamExistence>) }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}
