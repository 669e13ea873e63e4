// Access requests: anyone signed in asks for a time-bound policy for an IAM principal; an admin approves or denies.
// One schema set for the request form and the routes.
import { z } from 'zod'

import { accessScopeSchema, policyArnSchema } from '@/lib/access/access-policy-association-schema'
import { principalArnSchema } from '@/lib/access/principal-arn-schema'
import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
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

/** What a decision sends (the comment may be left out: the schema defaults it to ''). */
export type AccessRequestDecisionRequest = z.input<typeof accessRequestDecisionSchema>

export const accessRequestStatuses = ['pending', 'approved', 'denied'] as const

/**
 * Whether the signed-in person may decide a request, and if not, the sentence saying why (shown next to the disabled
 * button; the server refuses with the same sentence). See decisionRight in ./request-permissions.ts.
 */
export const decisionRightSchema = z.discriminatedUnion('allowed', [
  z.object({ allowed: z.literal(true) }),
  z.object({ allowed: z.literal(false), reason: z.string() }),
])
export type DecisionRight = z.infer<typeof decisionRightSchema>

/** Which requests a list shows: waiting for a decision, decided, expired undecided, or all. */
export const accessRequestFilters = ['pending', 'decided', 'expired', 'all'] as const
export type AccessRequestFilter = (typeof accessRequestFilters)[number]
export const accessRequestFilterSchema = z.enum(accessRequestFilters).catch('pending')

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
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  /** What the signed-in person may do with it. */
  yourRight: decisionRightSchema,
})
export type AccessRequestDto = z.infer<typeof accessRequestSchema>

/** GET …/access-requests: the requests the filter selects, newest first (pending: oldest first). */
export const accessRequestListSchema = z.object({ requests: z.array(accessRequestSchema) })

/** Route params naming one request of a cluster. */
export const accessRequestParamsSchema = clusterParamsSchema.extend({
  requestId: z.uuid({ error: 'Not an access request id.' }),
})
