// What the workload-identity write routes answer (and the role search), checked by the browser's hooks on arrival.
import { z } from 'zod'

import { iamPrincipalSchema } from '@/lib/access/access-entry-dto'

import { podIdentityDtoSchema } from './workload-identity-schemas'

/** POST …/pod-identity-associations: the association, and whether the console also created its service account. */
export const createdPodIdentitySchema = z.object({
  association: podIdentityDtoSchema,
  createdServiceAccount: z.boolean(),
})

/** DELETE …/pod-identity-associations/:id: the id that is gone. */
export const deletedPodIdentitySchema = z.object({ deleted: z.string() })

/** PATCH …/service-accounts/:ns/:name: the annotations now on the service account, and its new resourceVersion. */
export const irsaAnnotationsResultSchema = z.object({
  resourceVersion: z.string().nullable(),
  annotations: z.record(z.string(), z.string()),
})

/** POST …/oidc-provider: the IAM OIDC provider's ARN. */
export const oidcProviderResultSchema = z.object({ arn: z.string() })

/** POST …/oidc-provider/client-ids: the provider and its audiences after the change. */
export const oidcClientIdsResultSchema = z.object({ arn: z.string(), clientIds: z.array(z.string()) })

/** POST /api/iam/roles: the role created for one service account, with its trust policy. */
export const createdWorkloadRoleSchema = z.object({ arn: z.string(), name: z.string(), trustPolicy: z.string() })

/** GET /api/iam/roles?q=: the role picker's matches, and whether more matched. */
export const iamRoleSearchSchema = z.object({ roles: z.array(iamPrincipalSchema), truncated: z.boolean() })
