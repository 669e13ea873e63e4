// Findings from the cross-check with the cluster: a permission finding about an RBAC subject is asked again as a
// SubjectAccessReview, and where the cluster's answer differs from the resolver's, that disagreement is a finding of
// its own (docs/findings.md#cross-check-with-the-cluster) rather than a note nobody sees. Pure: the server asks.
import type { RequestAttributes } from '@/lib/access/rules'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { explainRequest } from '@/lib/effective-access/evaluate'
import type { RbacIndex } from '@/lib/effective-access/rbac-index'
import type { RbacSubject } from '@/lib/effective-access/rbac-model'

import type { VerifiableFinding } from './finding-collector'
import { findingRules } from './finding-rules'
import type { Finding } from './findings-dto'

/** The identity a SubjectAccessReview names for an RBAC subject (nothing added: no system:authenticated). */
export type ReviewIdentity = { user: string; groups: string[] }

/** A User by its name, a Group as its only group (and no user), a ServiceAccount by its service-account username. */
export function toReviewIdentity(subject: RbacSubject): ReviewIdentity {
  if (subject.kind === 'Group') return { user: '', groups: [subject.name] }
  if (subject.kind === 'ServiceAccount')
    return { user: `system:serviceaccount:${subject.namespace ?? ''}:${subject.name}`, groups: [] }
  return { user: subject.name, groups: [] }
}

/** What the resolver answers for exactly the identity the review names (RBAC only: a review carries no IAM caller). */
export function resolverAllows(rbac: RbacIndex, identity: ReviewIdentity, request: RequestAttributes): boolean {
  return (
    explainRequest(rbac, { username: identity.user, groups: identity.groups, accessPolicies: [] }, request, {
      firstOnly: true,
    }).length > 0
  )
}

/** "list secrets cluster-wide", "update configmaps "aws-auth" in namespace kube-system". */
export function describeRequest(r: RequestAttributes): string {
  const group = r.apiGroup && r.apiGroup !== '*' ? `.${r.apiGroup}` : r.apiGroup === '*' ? ' (any API group)' : ''
  const resource = `${r.resource}${r.subresource ? `/${r.subresource}` : ''}${group}`
  const name = r.name ? ` "${r.name}"` : ''
  return `${r.verb} ${resource}${name} ${r.namespace ? `in namespace ${r.namespace}` : 'cluster-wide'}`
}

const describeIdentity = (i: ReviewIdentity) =>
  i.user ? `user "${i.user}"${i.groups.length ? ` in ${i.groups.join(', ')}` : ''}` : `group ${i.groups.join(', ')}`

/** One review asked: the finding it confirms, and both answers. */
export type ReviewOutcome = { item: VerifiableFinding; resolver: boolean; cluster: boolean }

/**
 * A finding per outcome whose answers differ (ids as the collector makes them: cluster, rule, subject), with both
 * answers as its two paths (the resolver's path, the review asked and its answer) and the check it was asked for.
 */
export function buildDisagreementFindings(cluster: ClusterRef, outcomes: readonly ReviewOutcome[]): Finding[] {
  const rule = findingRules['cluster-disagrees-with-resolver']
  return outcomes
    .filter((o) => o.resolver !== o.cluster)
    .map(({ item: { finding, verify }, resolver, cluster: allowed }) => {
      const request = describeRequest(verify.request)
      const said = resolver ? `allows it by ${verify.path}` : 'finds no binding that allows it'
      const answer = allowed ? 'allowed' : 'denied'
      const review = `SubjectAccessReview for ${describeIdentity(toReviewIdentity(verify.subject))}, ${request}`
      return {
        id: `${cluster.region}/${cluster.name}|${rule.id}|${finding.ruleId}|${finding.subject}`,
        ruleId: rule.id,
        severity: rule.severity,
        title: rule.title,
        message: `Check ${finding.ruleId} (${request}): the console's resolver ${said}, but the cluster's SubjectAccessReview answered ${answer}. Either the console's snapshot is older than the cluster (Refresh reads it again) or the cluster decides by something the console does not read: the ${finding.ruleId} finding may be wrong.`,
        cluster: { region: cluster.region, name: cluster.name },
        subject: finding.subject,
        paths: [
          { steps: [`resolver: ${resolver ? 'allowed' : 'denied'}`, ...verify.path.split(' → ')], rule: null },
          { steps: [`cluster: ${answer}`, review], rule: null },
        ],
        morePaths: 0,
        sources: rule.sources,
        fix: finding.fix,
      }
    })
}
