import 'server-only'

import { accessPolicyRules } from '@/lib/access/policy-catalogue'
import { rulesAllowInScope } from '@/lib/access/rules'
import { accessProbes, compareProbes, type PrincipalComparison } from '@/lib/aws-auth/migration-comparison'
import type { MigrationItem } from '@/lib/aws-auth/migration-plan'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { subjectCanI, type ReviewSubject } from '@/lib/k8s/kube-subject-reviews'

import { mapBounded } from './map-bounded'

// Kubernetes adds system:authenticated to every signed-in identity; a SubjectAccessReview does not, so we do.
const subject = (user: string, groups: readonly string[]): ReviewSubject => ({
  user,
  groups: [...groups, 'system:authenticated'],
})

async function comparePrincipal(ref: ClusterRef, item: MigrationItem): Promise<PrincipalComparison> {
  const entry = item.entry!
  if (entry.type !== 'STANDARD') {
    return { id: item.id, principalArn: entry.principalArn, verdict: 'eks-managed', probes: [] }
  }
  // Without a username both sides get the principal's default; the same string keeps the comparison about the change.
  const before = subject(item.username ?? entry.principalArn, item.groups)
  const after = subject(entry.username ?? item.username ?? entry.principalArn, entry.kubernetesGroups)
  const policyRules = entry.policyArns.map((arn) => accessPolicyRules(arn) ?? [])
  try {
    const probes = await Promise.all(
      accessProbes.map(async ({ label, attrs }) => {
        const ask = { verb: attrs.verb, resource: attrs.resource, group: attrs.apiGroup, namespace: attrs.namespace }
        const [was, rbac] = await Promise.all([subjectCanI(ref, before, ask), subjectCanI(ref, after, ask)])
        const byPolicy = policyRules.some((rules) => rulesAllowInScope(rules, { type: 'cluster' }, attrs))
        return { label, before: was, after: rbac || byPolicy }
      }),
    )
    return compareProbes({ id: item.id, principalArn: entry.principalArn }, probes)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { id: item.id, principalArn: entry.principalArn, verdict: 'error', probes: [], message }
  }
}

/** Compares access before and after for every planned entry, a few principals at a time. */
export function compareMigratedAccess(
  ref: ClusterRef,
  items: readonly MigrationItem[],
): Promise<PrincipalComparison[]> {
  return mapBounded(
    items.filter((i) => i.entry),
    4,
    (item) => comparePrincipal(ref, item),
  )
}
