// What the identity-provider API answers (shared by the routes, the page and its hooks).
import { z } from 'zod'

/** One associated OIDC identity provider (DescribeIdentityProviderConfig's `oidc`). */
export const identityProviderSchema = z.object({
  name: z.string(),
  arn: z.string().nullable(),
  issuerUrl: z.string(),
  clientId: z.string(),
  usernameClaim: z.string().nullable(),
  usernamePrefix: z.string().nullable(),
  groupsClaim: z.string().nullable(),
  groupsPrefix: z.string().nullable(),
  requiredClaims: z.record(z.string(), z.string()),
  tags: z.record(z.string(), z.string()),
  status: z.enum(['CREATING', 'ACTIVE', 'DELETING']),
})
export type IdentityProviderDto = z.infer<typeof identityProviderSchema>

/** GET …/identity-providers: the configs, the Kubernetes version (the limit depends on it) and the limit. */
export const identityProviderListSchema = z.object({
  kubernetesVersion: z.string(),
  maxProviders: z.number(),
  providers: z.array(identityProviderSchema),
})
export type IdentityProviderListDto = z.infer<typeof identityProviderListSchema>

/** An EKS update of an association or disassociation (DescribeUpdate), polled until it settles. */
export const identityProviderUpdateSchema = z.object({
  id: z.string(),
  status: z.string(),
  type: z.string().nullable(),
  errors: z.array(z.object({ code: z.string().nullable(), message: z.string().nullable() })),
})
export type IdentityProviderUpdateDto = z.infer<typeof identityProviderUpdateSchema>
