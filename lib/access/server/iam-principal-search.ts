import 'server-only'

import type { IamPrincipal } from '@/lib/access/access-entry-dto'
import { isServiceLinkedRole } from '@/lib/access/arn'
import { listIamPrincipals } from '@/lib/aws/iam-principals'

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
  const all = await listIamPrincipals(region)
  // Service-linked roles can never have access entries (EKS refuses them), so they are not offered.
  const matches = all.filter((p) => !isServiceLinkedRole(p.arn) && (q === '' || p.arn.toLowerCase().includes(q)))
  const rank = (p: IamPrincipal) => (p.name.toLowerCase().startsWith(q) ? 0 : 1)
  matches.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
  return { principals: matches.slice(0, limit), truncated: matches.length > limit }
}
