// Request bodies of the access-entry routes that the shared lib/access schemas don't cover: the lockout guard's typed
// cluster name. Creating an entry (the grant form and POST …/access-entries) uses lib/access's
// createAccessEntrySchema directly, so form and route parse one schema.
import { z } from 'zod'

import { grantDurationSchema } from '@/lib/time-bound/grant-duration'
import { singleLineText } from '@/lib/validation/text-fields'

import { associateAccessPolicySchema } from './access-entry-schema'

/** The typed cluster name an admin gives to pass the lockout guard. */
const confirmClusterName = singleLineText().trim().max(100).optional()

/** DELETE …/access-entries/:principal (optional body). */
export const deleteAccessEntrySchema = z.object({ confirmClusterName })

/** DELETE …/policies/:policy (optional body). */
export const disassociatePolicySchema = z.object({ confirmClusterName })

/** POST …/access-entries/:principal/policies: add a policy, or re-run it to change its scope. */
export const associatePolicyRequestSchema = associateAccessPolicySchema.extend({
  confirmClusterName,
  /** A new association may be time-bound; omitted = permanent. */
  duration: grantDurationSchema.optional(),
})
export type AssociatePolicyRequest = z.input<typeof associatePolicyRequestSchema>
