// The one schema set for access entries and policy associations, shared by the console's forms (zodResolver) and
// route handlers, so a person sees the same message whether the browser or the server caught the problem.
// Cross-field rules follow what EKS enforces per entry type (docs/access-entries.md#entry-types).
import { z } from 'zod'

import { grantDurationSchema } from '@/lib/time-bound/grant-duration'
import { singleLineText } from '@/lib/validation/text-fields'

import { kubernetesGroupsSchema, usernameSchema } from './access-entry-fields'
import { accessEntryTypes } from './access-entry-type'
import { associateAccessPolicySchema } from './access-policy-association-schema'
import { parseArn } from './arn'
import { accessPolicyNameFromArn, AUTO_NODE_POLICY_ARN } from './policy-catalogue'
import { principalArnSchema } from './principal-arn-schema'

// The field schemas live in their own modules; re-exported so forms and handlers import one module.
export { accessScopeSchema, associateAccessPolicySchema, policyArnSchema } from './access-policy-association-schema'
export type { AccessScopeInput, AssociateAccessPolicyInput } from './access-policy-association-schema'
export { principalArnSchema } from './principal-arn-schema'
export { kubernetesGroupsSchema, usernameSchema } from './access-entry-fields'

const tagsSchema = z
  .record(
    singleLineText().min(1).max(128),
    singleLineText().max(256, { error: 'Tag values are limited to 256 characters.' }),
  )
  .superRefine((tags, ctx) => {
    const keys = Object.keys(tags)
    if (keys.length > 50) ctx.addIssue({ code: 'custom', message: 'A resource can have at most 50 tags.' })
    for (const key of keys.filter((k) => k.toLowerCase().startsWith('aws:'))) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `The tag key ${key} starts with aws: — AWS reserves that prefix.`,
      })
    }
  })

// Defined beside the catalogue (zod-free, so the grant page imports it without zod); kept exported from here too.
export { AUTO_NODE_POLICY_ARN }

// An empty text box means "use the default": EKS picks the username when the field is omitted (docs/access-entries.md#default-username).
const optionalUsernameSchema = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  usernameSchema.optional(),
)

/**
 * CreateAccessEntry body (plus initial policy associations): the console's grant form (zodResolver) and POST
 * …/access-entries parse this one schema. The one rule that needs the cluster (node roles in the cluster's account) is
 * {@link nodeRoleAccountProblem}, checked by the grant once it has read the cluster. `accessPolicies` are associated
 * right after creation by the console, one AssociateAccessPolicy each.
 */
export const createAccessEntrySchema = z
  .object({
    principalArn: principalArnSchema,
    type: z.enum(accessEntryTypes, { error: 'Choose an access entry type.' }).default('STANDARD'),
    username: optionalUsernameSchema,
    kubernetesGroups: kubernetesGroupsSchema.default([]),
    accessPolicies: z
      .array(associateAccessPolicySchema)
      .max(20, { error: 'Associate at most 20 policies at once.' })
      .default([]),
    tags: tagsSchema.optional(),
    /** Omitted = permanent, as before time-bound access. */
    duration: grantDurationSchema.optional(),
  })
  .superRefine((input, ctx) => {
    const arns = input.accessPolicies.map((p) => p.policyArn)
    arns.forEach((arn, index) => {
      if (arns.indexOf(arn) === index) return
      ctx.addIssue({
        code: 'custom',
        path: ['accessPolicies', index, 'policyArn'],
        message: 'This policy is already in the list; each policy can be associated only once per entry.',
      })
    })
    if (input.type === 'STANDARD') return
    const arn = parseArn(input.principalArn)
    if (arn && arn.resourceType !== 'role') {
      ctx.addIssue({
        code: 'custom',
        path: ['principalArn'],
        message: `${input.type} entries are for nodes and need an IAM role, not a user.`,
      })
    }
    if (input.kubernetesGroups.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['kubernetesGroups'],
        message: `EKS sets the groups of ${input.type} entries itself; leave groups empty.`,
      })
    }
    if (input.username !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['username'],
        message: `EKS sets the username of ${input.type} entries itself; leave it empty.`,
      })
    }
    // Node types take no access policy, with one exception: the EKS user guide tells custom NodeClass users to
    // give their Auto Mode node role an EC2 entry with AmazonEKSAutoNodePolicy at cluster scope (docs/authentication-modes.md#auto-mode-entries).
    input.accessPolicies.forEach((policy, index) => {
      const autoNode = input.type === 'EC2' && accessPolicyNameFromArn(policy.policyArn) === 'AmazonEKSAutoNodePolicy'
      if (autoNode && policy.accessScope.type === 'cluster') return
      ctx.addIssue({
        code: 'custom',
        path: ['accessPolicies', index, 'policyArn'],
        message:
          input.type === 'EC2'
            ? 'An EC2 (Auto Mode node) entry takes only AmazonEKSAutoNodePolicy, at cluster scope.'
            : `Access policies can only be associated with STANDARD entries, not ${input.type}.`,
      })
    })
  })

/**
 * The one rule that needs the cluster: node entries (every type but STANDARD) take IAM roles in the cluster's own
 * account. Null when the request passes, or when the cluster's account is unknown (EKS then has the last word).
 */
export function nodeRoleAccountProblem(
  input: Pick<CreateAccessEntryInput, 'principalArn' | 'type'>,
  clusterAccountId: string | null,
): { path: ['principalArn']; message: string } | null {
  if (input.type === 'STANDARD' || !clusterAccountId) return null
  const account = parseArn(input.principalArn)?.account
  if (account === undefined || account === clusterAccountId) return null
  return {
    path: ['principalArn'],
    message: `Node roles must be in the cluster's account (${clusterAccountId}); this role is in ${account}.`,
  }
}

/** UpdateAccessEntry body: username and/or the full replacement list of groups (STANDARD entries only). */
export const updateAccessEntrySchema = z
  .object({ username: usernameSchema.optional(), kubernetesGroups: kubernetesGroupsSchema.optional() })
  .refine((input) => input.username !== undefined || input.kubernetesGroups !== undefined, {
    error: 'Change the username or the groups.',
  })

/** What the form holds and the route receives (defaults not yet applied). */
export type CreateAccessEntryRequest = z.input<typeof createAccessEntrySchema>
/** The parsed request: defaults applied, blank username dropped. */
export type CreateAccessEntryInput = z.output<typeof createAccessEntrySchema>
export type UpdateAccessEntryInput = z.infer<typeof updateAccessEntrySchema>
