// The grant form's schema, shared by the form (zodResolver) and POST …/access-entries. It composes the field schemas
// of lib/access; the cross-field rules differ from buildCreateAccessEntrySchema in one place: an EC2 entry (an EKS
// Auto Mode custom node role) takes AmazonEKSAutoNodePolicy at cluster scope, as the EKS user guide tells custom
// NodeClass users to associate it themselves (reference §5), while the other node types take no policy at all.
import { z } from 'zod'

import {
  associateAccessPolicySchema,
  kubernetesGroupsSchema,
  principalArnSchema,
  usernameSchema,
} from '@/lib/access/access-entry-schema'
import { accessEntryTypes } from '@/lib/access/access-entry-type'
import { parseArn } from '@/lib/access/arn'
import { accessPolicyNameFromArn } from '@/lib/access/policy-catalogue'

/** The one policy an Auto Mode node role's EC2 entry needs. */
export const AUTO_NODE_POLICY_ARN = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSAutoNodePolicy'

// An empty text box means "use the default" (EKS picks the username when the field is omitted).
const optionalUsername = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  usernameSchema.optional(),
)

/** Builds the grant schema; `clusterAccountId` enforces that node roles live in the cluster's account. */
export function buildGrantAccessSchema(options: { clusterAccountId?: string } = {}) {
  return z
    .object({
      principalArn: principalArnSchema,
      type: z.enum(accessEntryTypes, { error: 'Choose an access entry type.' }).default('STANDARD'),
      username: optionalUsername,
      kubernetesGroups: kubernetesGroupsSchema.default([]),
      accessPolicies: z
        .array(associateAccessPolicySchema)
        .max(20, { error: 'Associate at most 20 policies at once.' })
        .default([]),
    })
    .superRefine((input, ctx) => {
      const names = input.accessPolicies.map((p) => p.policyArn)
      names.forEach((arn, index) => {
        if (names.indexOf(arn) !== index) {
          ctx.addIssue({
            code: 'custom',
            path: ['accessPolicies', index, 'policyArn'],
            message: 'This policy is already in the list; each policy can be associated only once per entry.',
          })
        }
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
      if (arn && options.clusterAccountId && arn.account !== options.clusterAccountId) {
        ctx.addIssue({
          code: 'custom',
          path: ['principalArn'],
          message: `Node roles must be in the cluster's account (${options.clusterAccountId}); this role is in ${arn.account}.`,
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
}

/** The grant schema without the same-account check (the route adds it once it knows the cluster's account). */
export const grantAccessSchema = buildGrantAccessSchema()
export type GrantAccessInput = z.input<typeof grantAccessSchema>
export type GrantAccess = z.output<typeof grantAccessSchema>

/** The typed cluster name an admin gives to pass the lockout guard. */
const confirmClusterName = z.string().trim().max(100).optional()

/** DELETE …/access-entries/:principal (optional body). */
export const deleteAccessEntrySchema = z.object({ confirmClusterName })

/** DELETE …/policies/:policy (optional body). */
export const disassociatePolicySchema = z.object({ confirmClusterName })

/** POST …/access-entries/:principal/policies: add a policy, or re-run it to change its scope. */
export const associatePolicyRequestSchema = associateAccessPolicySchema.extend({ confirmClusterName })
export type AssociatePolicyRequest = z.input<typeof associatePolicyRequestSchema>
