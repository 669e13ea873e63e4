// The zod schema of the migration wizard's steps: one definition for the wizard and the route handler. The wizard
// drives the migration one step at a time, so the progress bar moves with each batch and a rerun resumes.
import { z } from 'zod'

import { kubernetesGroupsSchema, usernameSchema } from '@/lib/access/access-entry-fields'
import { principalArnSchema } from '@/lib/access/principal-arn-schema'
import { singleLineText } from '@/lib/validation/text-fields'

import { MIGRATION_BATCH_SIZE } from './migration-batch-size'

export { MIGRATION_BATCH_SIZE }

export const migrationTargetSchema = z.enum(['API_AND_CONFIG_MAP', 'API'])
export type MigrationTarget = z.output<typeof migrationTargetSchema>

/** One planned entry, as the person reviewed it in the plan table. */
export const plannedEntrySchema = z.object({
  id: singleLineText().max(40),
  principalArn: principalArnSchema,
  type: z.enum(['STANDARD', 'EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX']),
  username: usernameSchema.optional(),
  kubernetesGroups: kubernetesGroupsSchema,
  policyArns: z
    .array(
      singleLineText()
        .max(200)
        .regex(/^arn:[a-z-]+:eks::aws:cluster-access-policy\/[A-Za-z]+$/, 'Not an EKS access policy ARN.'),
    )
    .max(5),
})

export const migrationStepSchema = z.discriminatedUnion('step', [
  // CONFIG_MAP → API_AND_CONFIG_MAP, waited on: EKS accepts access entries only once the mode reads them.
  z.object({ step: z.literal('enable-access-entries') }),
  z.object({
    step: z.literal('create-entries'),
    entries: z
      .array(plannedEntrySchema)
      .min(1)
      .max(MIGRATION_BATCH_SIZE, `At most ${MIGRATION_BATCH_SIZE} entries per request.`),
  }),
  z.object({
    step: z.literal('finish'),
    targetMode: migrationTargetSchema,
    deleteAwsAuth: z.boolean().default(false),
  }),
])
export type MigrationStepRequest = z.input<typeof migrationStepSchema>
