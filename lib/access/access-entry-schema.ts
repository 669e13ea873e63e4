// The one schema set for access entries and policy associations, shared by the console's forms (zodResolver) and
// route handlers, so a person sees the same message whether the browser or the server caught the problem.
// Cross-field rules follow what EKS enforces per entry type (reference §2).
import { z } from 'zod'
import { accessEntryTypes } from './access-entry-type'
import { kubernetesGroupsSchema, usernameSchema } from './access-entry-fields'
import { associateAccessPolicySchema } from './access-policy-association-schema'
import { principalArnSchema } from './principal-arn-schema'
import { parseArn } from './arn'

// The field schemas live in their own modules; re-exported so forms and handlers import one module.
export { accessScopeSchema, associateAccessPolicySchema, policyArnSchema } from './access-policy-association-schema'
export type { AccessScopeInput, AssociateAccessPolicyInput } from './access-policy-association-schema'
export { principalArnSchema } from './principal-arn-schema'
export { kubernetesGroupsSchema, usernameSchema } from './access-entry-fields'

const tagsSchema = z
  .record(z.string().min(1).max(128), z.string().max(256, { error: 'Tag values are limited to 256 characters.' }))
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

/**
 * Builds the CreateAccessEntry schema. Pass the cluster's account to enforce that node entries use a role of that
 * account (EKS: node types take IAM roles in the cluster's account only); forms know it from the cluster ARN.
 * `accessPolicies` are associated right after creation by the console (STANDARD entries only).
 */
export function buildCreateAccessEntrySchema(options: { clusterAccountId?: string } = {}) {
  return z
    .object({
      principalArn: principalArnSchema,
      type: z.enum(accessEntryTypes, { error: 'Choose an access entry type.' }).default('STANDARD'),
      username: usernameSchema.optional(),
      kubernetesGroups: kubernetesGroupsSchema.default([]),
      accessPolicies: z.array(associateAccessPolicySchema).default([]),
      tags: tagsSchema.optional(),
    })
    .superRefine((input, ctx) => {
      if (input.type === 'STANDARD') {
        const names = input.accessPolicies.map((p) => p.policyArn)
        if (new Set(names).size !== names.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['accessPolicies'],
            message: 'Each access policy can be associated only once per entry.',
          })
        }
        return
      }
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
      if (input.accessPolicies.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['accessPolicies'],
          message: `Access policies can only be associated with STANDARD entries, not ${input.type}.`,
        })
      }
    })
}

/** CreateAccessEntry body (plus initial policy associations), without the same-account check. */
export const createAccessEntrySchema = buildCreateAccessEntrySchema()

/** UpdateAccessEntry body: username and/or the full replacement list of groups (STANDARD entries only). */
export const updateAccessEntrySchema = z
  .object({ username: usernameSchema.optional(), kubernetesGroups: kubernetesGroupsSchema.optional() })
  .refine((input) => input.username !== undefined || input.kubernetesGroups !== undefined, {
    error: 'Change the username or the groups.',
  })

export type CreateAccessEntryInput = z.infer<typeof createAccessEntrySchema>
export type UpdateAccessEntryInput = z.infer<typeof updateAccessEntrySchema>
