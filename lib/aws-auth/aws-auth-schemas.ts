// The zod schemas of aws-auth edits: one definition for the form (zodResolver) and the route handler.
import { z } from 'zod'

import { grantDurationSchema } from '@/lib/time-bound/grant-duration'

import { findAwsAuthArnProblem, findGroupProblems, findUsernameProblems } from './aws-auth-validation'

const sectionSchema = z.enum(['mapRoles', 'mapUsers'])

/** One mapping as a person enters it: `kind` decides rolearn or userarn and which template variables fit. */
export const awsAuthMappingSchema = z
  .object({
    kind: z.enum(['role', 'user']),
    arn: z.string().trim(),
    username: z.string().trim(),
    groups: z.array(z.string().trim()).max(100, 'At most 100 groups.'),
  })
  .superRefine((input, ctx) => {
    const arnProblem = findAwsAuthArnProblem(input.kind, input.arn)
    if (arnProblem) ctx.addIssue({ code: 'custom', path: ['arn'], message: arnProblem })
    const usernameError = findUsernameProblems(input.kind, input.username).find((p) => p.severity === 'error')
    if (usernameError) ctx.addIssue({ code: 'custom', path: ['username'], message: usernameError.message })
    const seen = new Set<string>()
    input.groups.forEach((group, index) => {
      const error = findGroupProblems(input.kind, group).find((p) => p.severity === 'error')
      if (error) ctx.addIssue({ code: 'custom', path: ['groups', index], message: error.message })
      else if (seen.has(group))
        ctx.addIssue({ code: 'custom', path: ['groups', index], message: `${group} is listed twice.` })
      seen.add(group)
    })
  })
export type AwsAuthMappingForm = z.output<typeof awsAuthMappingSchema>

/** A 12-digit AWS account ID (mapAccounts). */
export const awsAuthAccountSchema = z
  .string()
  .trim()
  .regex(/^\d{12}$/, 'Enter a 12-digit AWS account ID.')

const mappingBody = awsAuthMappingSchema
const rowRef = { index: z.number().int().min(0), arn: z.string() }

/** One change of the ConfigMap (see applyAwsAuthChange). */
export const awsAuthChangeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), section: sectionSchema, mapping: mappingBody }),
  z.object({ op: z.literal('update'), section: sectionSchema, ...rowRef, mapping: mappingBody }),
  z.object({ op: z.literal('remove'), section: sectionSchema, ...rowRef }),
  z.object({ op: z.literal('add-account'), account: awsAuthAccountSchema }),
  z.object({ op: z.literal('remove-account'), index: z.number().int().min(0), account: z.string() }),
])
export type AwsAuthChangeRequest = z.input<typeof awsAuthChangeSchema>

/**
 * A preview or apply request: the change, the ConfigMap resourceVersion it was made against (null: the ConfigMap did
 * not exist), and the cluster name typed to override the lockout guard.
 */
export const awsAuthEditRequestSchema = z
  .object({
    resourceVersion: z.string().min(1).nullable(),
    change: awsAuthChangeSchema,
    confirmClusterName: z.string().optional(),
    /** An added row may be time-bound (the console removes exactly that row when it ends); omitted = permanent. */
    duration: grantDurationSchema.optional(),
  })
  .superRefine(({ change, duration }, ctx) => {
    if (duration && duration.kind !== 'permanent' && change.op !== 'add') {
      ctx.addIssue({ code: 'custom', path: ['duration'], message: 'Only an added mapping can be time-bound.' })
    }
    if (!('mapping' in change)) return
    const kind = change.section === 'mapRoles' ? 'role' : 'user'
    if (change.mapping.kind !== kind) {
      ctx.addIssue({
        code: 'custom',
        path: ['change', 'mapping', 'kind'],
        message: `${change.section} holds ${kind} mappings.`,
      })
    }
  })
export type AwsAuthEditRequest = z.input<typeof awsAuthEditRequestSchema>
