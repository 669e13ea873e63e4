import { acceptsAccessPolicies, NOT_STANDARD_MESSAGE, parseAccessScope } from './access-entry-rules'
import { ACCESS_POLICY_ARN_PREFIX, isKnownAccessPolicyArn, listAccessPolicyCatalogue } from './access-policies'
import { invalidParameter, resourceNotFound } from './errors'
import { runMutation, type Operation } from './op-context'
import { getAccessEntryOrThrow, rejectServiceLinkedRole } from './ops-access-entries'
import { paginate, sortByKey } from './pagination'
import { requireString } from './request-body'
import { listAssociatedPolicies } from './state'
import { renderAssociatedPolicy, respondJson } from './wire'

// Access policy association (docs/access-entries.md#operations, docs/access-policies.md#access-scope). AssociateAccessPolicy has no idempotency token: re-running it is how
// the UG says to change a policy's scope.

function requireKnownPolicyArn(policyArn: string, clusterName: string): void {
  if (!isKnownAccessPolicyArn(policyArn)) {
    const hint = policyArn.startsWith(ACCESS_POLICY_ARN_PREFIX) ? 'is not an existing access policy' : 'is not valid'
    throw invalidParameter(`The policyArn ${policyArn} ${hint}.`, { clusterName })
  }
}

/** POST /clusters/{name}/access-entries/{principalArn}/access-policies — associate, or replace the scope. */
export const associateAccessPolicyOp: Operation = (ctx) => {
  const { cluster, entry } = getAccessEntryOrThrow(ctx)
  const policyArn = requireString(ctx.body, 'policyArn')
  const accessScope = parseAccessScope(ctx.body.accessScope)
  rejectServiceLinkedRole(entry.principalArn)
  if (!acceptsAccessPolicies(entry.type)) throw invalidParameter(NOT_STANDARD_MESSAGE, { clusterName: cluster.name })
  requireKnownPolicyArn(policyArn, cluster.name)
  return runMutation(
    ctx,
    'AssociateAccessPolicy',
    () => {
      const existing = entry.policies[policyArn]
      const record = existing
        ? { ...existing, accessScope, modifiedAt: ctx.now }
        : { policyArn, accessScope, associatedAt: ctx.now, modifiedAt: ctx.now }
      entry.policies[policyArn] = record
      return respondJson(
        {
          clusterName: cluster.name,
          principalArn: entry.principalArn,
          associatedAccessPolicy: renderAssociatedPolicy(record),
        },
        ctx.req.requestId,
      )
    },
    false,
  )
}

/** DELETE /clusters/{name}/access-entries/{principalArn}/access-policies/{policyArn}. */
export const disassociateAccessPolicyOp: Operation = (ctx) => {
  const { cluster, entry } = getAccessEntryOrThrow(ctx)
  rejectServiceLinkedRole(entry.principalArn)
  const policyArn = ctx.labels.policyArn ?? ''
  if (!Object.prototype.hasOwnProperty.call(entry.policies, policyArn)) {
    // UNVERIFIED wording.
    throw resourceNotFound(`The policy ${policyArn} is not associated with the specified access entry.`, {
      clusterName: cluster.name,
    })
  }
  return runMutation(
    ctx,
    'DisassociateAccessPolicy',
    () => {
      delete entry.policies[policyArn]
      return respondJson({}, ctx.req.requestId)
    },
    false,
  )
}

/** GET /clusters/{name}/access-entries/{principalArn}/access-policies. */
export const listAssociatedAccessPoliciesOp: Operation = (ctx) => {
  const { cluster, entry } = getAccessEntryOrThrow(ctx)
  const page = paginate(
    'ListAssociatedAccessPolicies',
    listAssociatedPolicies(entry),
    (p) => p.policyArn,
    ctx.req.query,
  )
  return respondJson(
    {
      clusterName: cluster.name,
      principalArn: entry.principalArn,
      nextToken: page.nextToken,
      associatedAccessPolicies: page.items.map(renderAssociatedPolicy),
    },
    ctx.req.requestId,
  )
}

/** GET /access-policies — not cluster-scoped. */
export const listAccessPoliciesOp: Operation = (ctx) => {
  const catalogue = sortByKey(listAccessPolicyCatalogue(), (p) => p.arn)
  const page = paginate('ListAccessPolicies', catalogue, (p) => p.arn, ctx.req.query)
  return respondJson({ accessPolicies: page.items, nextToken: page.nextToken }, ctx.req.requestId)
}
