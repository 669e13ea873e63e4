import 'server-only'

import { parseArn } from '@/lib/access/arn'
import { getPrincipalAge } from '@/lib/aws/iam-principal-lookup'
import type { PrincipalFacts } from '@/lib/effective-access/identity'

/**
 * Whether IAM knows the principal and since when, or undefined when IAM could not say (another account, no
 * permission): the analysis then goes on without the deleted-and-recreated check.
 */
export async function loadPrincipalFacts(
  region: string,
  principalArn: string,
  accountId: string | null,
): Promise<PrincipalFacts | undefined> {
  const arn = parseArn(principalArn)
  // IAM is looked up by name in the console's own account: a principal of another account cannot be checked.
  if (!accountId || arn?.account !== accountId) return undefined
  const kind =
    arn?.resourceType === 'user'
      ? 'user'
      : arn?.resourceType === 'role' || arn?.resourceType === 'assumed-role'
        ? 'role'
        : undefined
  if (!arn || !kind) return undefined
  const age = await getPrincipalAge(region, arn.name, kind)
  if (age.status === 'missing') return { exists: false, createdAt: null }
  return age.status === 'found' ? { exists: true, createdAt: age.createdAt } : undefined
}
