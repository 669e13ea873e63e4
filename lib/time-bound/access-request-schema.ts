// Access requests: anyone signed in asks for a time-bound policy for an IAM principal; an admin approves or denies.
// One schema set for the request form and the routes.
import { z } from 'zod'

import { accessScopeSchema, policyArnSchema } from '@/lib/access/access-policy-association-schema'
import { principalArnSchema } from '@/lib/access/principal-arn-schema'
import { multiLineText } from '@/lib/validation/text-fields'

import { grantDurationSchema } from './grant-duration'

/** How long a request waits for a decision before it expires (it can then no longer be approved). */
export const REQUEST_TTL_MS = 24 * 3600_000

/** POST …/access-requests: who, what, where, for how long, why. */
export const createAccessRequestSchema = z.object({
  principalArn: principalArnSchema,
  policyArn: policyArnSchema,
  accessScope: accessScopeSchema,
  // A request is always time-bound: permanent access goes through the grant form.
  duration: grantDurationSchema.refine((d) => d.kind !== 'permanent', { error: 'A request needs an end.' }),
  reason: multiLineText({ error: 'Say why the access is needed.' })
    .trim()
    .min(10, { error: 'Say why the access is needed (at least 10 characters).' })
    .max(1000, { error: 'Keep the reason under 1,000 characters.' }),
})
export type CreateAccessRequestInput = z.output<typeof createAccessRequestSchema>

/** POST …/access-requests/:id/decision: approve or deny, with a comment (required to deny). */
export const accessRequestDecisionSchema = z
  .object({
    decision: z.enum(['approve', 'deny'], { error: 'Approve or deny.' }),
    comment: multiLineText().trim().max(1000, { error: 'Keep the comment under 1,000 characters.' }).default(''),
  })
  .refine((d) => d.decision === 'approve' || d.comment.length > 0, {
    path: ['comment'],
    error: 'Say why the request is denied.',
  })

export const accessRequestStatuses = ['pending', 'approved', 'denied'] as const

export const accessRequestSchema = z.object({
  id: z.string(),
  region: z.string(),
  cluster: z.string(),
  request: createAccessRequestSchema,
  requestedBy: z.string(),
  requestedAt: z.string(),
  /** When the request stops being approvable. */
  expiresAt: z.string(),
  status: z.enum(accessRequestStatuses),
  /** True for a pending request whose time to be decided has passed. */
  expired: z.boolean(),
  decidedBy: z.string().nullable(),
  comment: z.string().nullable(),
})
export type AccessRequestDto = z.infer<typeof accessRequestSchema>
