// The identity-provider form's rules, shared by the form and its route: EKS's own validation of
// AssociateIdentityProviderConfig (docs/oidc-identity-providers.md#request-fields), so a mistake is caught before
// the request and with the words EKS would use.
import { z } from 'zod'

import { singleLineText } from '@/lib/validation/text-fields'

/** The state of the cluster the cross-record rules need (its version and the configs already associated). */
export interface IdentityProviderClusterContext {
  /** Kubernetes `major.minor`, e.g. `1.31`. */
  kubernetesVersion: string
  configs: readonly { name: string; issuerUrl: string; status: 'CREATING' | 'ACTIVE' | 'DELETING' }[]
}

const CONFIG_NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]*$/

/** The most OIDC providers EKS associates with a cluster of this Kubernetes version (1 before 1.32, 10 from 1.32). */
export function maxIdentityProviders(kubernetesVersion: string): number {
  const [major = 0, minor = 0] = kubernetesVersion.split('.').map(Number)
  return major > 1 || (major === 1 && minor >= 32) ? 10 : 1
}

const prefix = (member: string) =>
  singleLineText()
    .trim()
    .max(100, `The ${member} has at most 100 characters.`)
    .refine((v) => !v.includes('system:'), {
      message: `InvalidParameterException: The ${member} must not contain system: (reserved for Kubernetes).`,
    })

const claimName = (member: string) => singleLineText().trim().max(100, `The ${member} has at most 100 characters.`)

/** One required claim: key 1–63 and value 1–253 characters (OidcIdentityProviderConfigRequest.requiredClaims). */
export const requiredClaimSchema = z.object({
  key: singleLineText()
    .min(1, 'InvalidParameterException: A required claim key has 1 to 63 characters.')
    .max(63, 'InvalidParameterException: A required claim key has 1 to 63 characters.'),
  value: singleLineText()
    .min(1, 'InvalidParameterException: A required claim value has 1 to 253 characters.')
    .max(253, 'InvalidParameterException: A required claim value has 1 to 253 characters.'),
})

const tagSchema = z.object({
  key: singleLineText().min(1, 'A tag key has 1 to 128 characters.').max(128, 'A tag key has 1 to 128 characters.'),
  value: singleLineText().max(256, 'A tag value has at most 256 characters.'),
})

/** The issuer: https, no query string or fragment (EKS fetches `<issuer>/.well-known/openid-configuration`). */
export const issuerUrlSchema = singleLineText()
  .trim()
  .min(1, 'Enter the issuer URL.')
  .refine(
    (v) => {
      try {
        const url = new URL(v)
        return url.protocol === 'https:' && url.search === '' && url.hash === '' && !v.includes('?')
      } catch {
        return false
      }
    },
    { message: 'InvalidParameterException: The issuerUrl must be an https URL without a query string.' },
  )

/** AssociateIdentityProviderConfig's body as the form sends it. */
export const associateIdentityProviderSchema = z
  .object({
    name: singleLineText()
      .trim()
      .min(1, 'Enter a name for the configuration.')
      .max(100, 'A configuration name has at most 100 characters.')
      .regex(CONFIG_NAME, 'A configuration name is letters, digits, - and _, starting with a letter or digit.'),
    issuerUrl: issuerUrlSchema,
    clientId: singleLineText().trim().min(1, 'Enter the client ID (the audience of the ID tokens).').max(255),
    usernameClaim: claimName('username claim').default(''),
    usernamePrefix: prefix('usernamePrefix').default(''),
    groupsClaim: claimName('groups claim').default(''),
    groupsPrefix: prefix('groupsPrefix').default(''),
    requiredClaims: z.array(requiredClaimSchema).max(10, 'At most 10 required claims.').default([]),
    tags: z.array(tagSchema).max(50, 'At most 50 tags.').default([]),
  })
  .superRefine((v, ctx) => {
    const keys = v.requiredClaims.map((c) => c.key)
    const dup = keys.find((k, i) => keys.indexOf(k) !== i)
    if (dup) ctx.addIssue({ code: 'custom', path: ['requiredClaims'], message: `The claim ${dup} is listed twice.` })
    if (v.groupsPrefix && !v.groupsClaim)
      ctx.addIssue({ code: 'custom', path: ['groupsClaim'], message: 'A groups prefix needs a groups claim.' })
  })

export type AssociateIdentityProviderInput = z.infer<typeof associateIdentityProviderSchema>

/**
 * The rules that depend on the cluster: the issuer once per cluster, the provider limit of its Kubernetes version,
 * and one association or disassociation in progress at a time. Returns the EKS-worded refusal, or undefined.
 */
export function checkAssociationAllowed(
  input: Pick<AssociateIdentityProviderInput, 'name' | 'issuerUrl'>,
  cluster: IdentityProviderClusterContext,
): string | undefined {
  if (cluster.configs.some((c) => c.status !== 'ACTIVE'))
    return 'ResourceInUseException: Another identity provider association or disassociation is in progress on this cluster; wait until it finishes.'
  if (cluster.configs.some((c) => c.name === input.name))
    return `ResourceInUseException: Identity provider config ${input.name} is already associated with this cluster.`
  const issuer = input.issuerUrl.replace(/\/+$/, '')
  if (cluster.configs.some((c) => c.issuerUrl.replace(/\/+$/, '') === issuer))
    return `InvalidRequestException: The issuer ${input.issuerUrl} is already associated with this cluster.`
  const max = maxIdentityProviders(cluster.kubernetesVersion)
  if (cluster.configs.length >= max)
    return max === 1
      ? `InvalidRequestException: Kubernetes ${cluster.kubernetesVersion} clusters take only one OIDC identity provider (up to 10 from 1.32).`
      : `InvalidRequestException: A cluster takes at most ${max} OIDC identity providers.`
  return undefined
}

/** The schema of the route: the body's rules and the cluster's. */
export function associateIdentityProviderSchemaFor(cluster: IdentityProviderClusterContext) {
  return associateIdentityProviderSchema.superRefine((v, ctx) => {
    const refusal = checkAssociationAllowed(v, cluster)
    if (refusal) ctx.addIssue({ code: 'custom', path: ['issuerUrl'], message: refusal })
  })
}

/** The body of a disassociation. */
export const identityProviderNameSchema = z.object({
  name: singleLineText().trim().min(1).max(100).regex(CONFIG_NAME, 'Not a configuration name.'),
})
