import 'server-only'

import type { AccessPolicyDto } from '@/lib/access/access-entry-dto'
import { describeAccessPolicy } from '@/lib/access/policy-catalogue'
import { listAccessPolicies } from '@/lib/aws/access-policies'

/** Every policy ListAccessPolicies returns in `region`, each explained in Kubernetes terms from the catalogue. */
export async function listExplainedAccessPolicies(region: string): Promise<AccessPolicyDto[]> {
  return (await listAccessPolicies(region)).map((p) => describeAccessPolicy(p.name, p.arn))
}
