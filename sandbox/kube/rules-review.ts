// SelfSubjectRulesReview: the RBAC rules that apply to a user in a namespace. EKS access policies are evaluated by a
// webhook authorizer that cannot enumerate rules, so a user holding any access policy gets `incomplete: true` and no
// policy rules (docs/access-entries.md#how-permissions-combine: `kubectl auth can-i --list` does not show access-policy permissions).
import { listApplicableRbacRules } from './authorize'
import type { RbacSource } from './rbac-source'
import type { UserInfo } from './types'

export interface SubjectRulesReviewStatus {
  resourceRules: { verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[] }[]
  nonResourceRules: { verbs: string[]; nonResourceURLs?: string[] }[]
  incomplete: boolean
  evaluationError?: string
}

/** Collects the RBAC rules for a user in a namespace, split into resource and non-resource rules. */
export function reviewSubjectRules(
  user: UserInfo,
  namespace: string,
  rbac: RbacSource,
  hasAccessPolicies: boolean,
): SubjectRulesReviewStatus {
  const status: SubjectRulesReviewStatus = { resourceRules: [], nonResourceRules: [], incomplete: hasAccessPolicies }
  for (const applicable of listApplicableRbacRules(user, namespace, rbac)) {
    for (const rule of applicable.rules) {
      if (rule.nonResourceURLs?.length)
        status.nonResourceRules.push({ verbs: rule.verbs, nonResourceURLs: rule.nonResourceURLs })
      if (rule.resources?.length) {
        const r: SubjectRulesReviewStatus['resourceRules'][number] = {
          verbs: rule.verbs,
          apiGroups: rule.apiGroups ?? [],
          resources: rule.resources,
        }
        if (rule.resourceNames?.length) r.resourceNames = rule.resourceNames
        status.resourceRules.push(r)
      }
    }
  }
  if (hasAccessPolicies)
    status.evaluationError = 'access policies are evaluated by the EKS authorizer webhook and cannot be listed'
  return status
}
