// The workload-identity API's bodies and answers: one zod schema per form, shared by the form and its route.
import { z } from 'zod'

import { clusterParamsSchema } from '@/lib/clusters/cluster-params'
import { dns1123LabelSchema, multiLineText, singleLineText } from '@/lib/validation/text-fields'

import { requireSessionTagsOffForPolicy, sessionPolicySchema } from './session-policy'

const K8S_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/
const kubeName = (what: string) =>
  singleLineText()
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(253, `A ${what} has at most 253 characters.`)
    .regex(K8S_NAME, `A ${what} is lower-case letters, digits, '-' and '.', starting and ending alphanumeric.`)

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/
/** An IAM role ARN, path allowed (`arn:aws:iam::111122223333:role/dev/my-role`). */
export const roleArnSchema = singleLineText()
  .trim()
  .regex(ROLE_ARN, 'Enter an IAM role ARN such as arn:aws:iam::111122223333:role/my-role.')
const optionalRoleArn = z.union([z.literal(''), roleArnSchema]).default('')

export const serviceAccountParamsSchema = z.object({
  namespace: kubeName('namespace'),
  name: kubeName('service account name'),
})

/** The service-account page's params: its cluster, namespace and name. */
export const serviceAccountPageParamsSchema = clusterParamsSchema.extend(serviceAccountParamsSchema.shape)

/** POST …/pod-identity-associations */
export const createPodIdentitySchema = z
  .object({
    namespace: kubeName('namespace'),
    serviceAccount: kubeName('service account name'),
    roleArn: roleArnSchema,
    targetRoleArn: optionalRoleArn,
    disableSessionTags: z.boolean().default(false),
    /** An inline session policy narrowing the role's permissions (the target role's, with a targetRoleArn). */
    policy: sessionPolicySchema,
    /** Create the service account first when the cluster has none of that name. */
    createServiceAccount: z.boolean().default(false),
  })
  .superRefine(requireSessionTagsOffForPolicy)
export type CreatePodIdentityInput = z.output<typeof createPodIdentitySchema>

/** PATCH …/pod-identity-associations/:id — namespace and service account are immutable (docs/pod-identity.md#the-association). */
export const updatePodIdentitySchema = z
  .object({
    roleArn: roleArnSchema,
    /** '' removes the cross-account hop. */
    targetRoleArn: optionalRoleArn,
    disableSessionTags: z.boolean().default(false),
    /**
     * '' removes the session policy, like targetRoleArn: the form always holds the whole association. The sandbox reads
     * an empty `policy` on Update as "remove"; whether EKS does too is UNVERIFIED, so the service sends '' only when
     * an existing policy is being removed and omits the member otherwise.
     */
    policy: sessionPolicySchema,
  })
  .superRefine(requireSessionTagsOffForPolicy)
export type UpdatePodIdentityInput = z.output<typeof updatePodIdentitySchema>

export const associationIdSchema = z.string().regex(/^a-[a-z0-9]{1,64}$/, 'Not a Pod Identity association id')

/** PATCH …/service-accounts/:ns/:name — the IRSA annotations; '' removes one. */
export const irsaAnnotationsSchema = z.object({
  roleArn: optionalRoleArn,
  audience: singleLineText().trim().max(253).default(''),
  stsRegionalEndpoints: z.enum(['', 'true', 'false']).default(''),
  tokenExpiration: singleLineText()
    .trim()
    .regex(/^(\d+)?$/, 'Enter seconds, e.g. 86400.')
    .refine((v) => v === '' || (Number(v) >= 600 && Number(v) <= 86400 * 2), 'Between 600 and 172800 seconds.')
    .default(''),
  /** The resourceVersion the person edited; a newer one on the server is a 409 (nobody's change is overwritten). */
  resourceVersion: singleLineText().min(1, 'Reload the service account before editing it.'),
})
export type IrsaAnnotationsInput = z.output<typeof irsaAnnotationsSchema>

/** POST …/service-accounts */
export const createServiceAccountSchema = serviceAccountParamsSchema
export type CreateServiceAccountInput = z.output<typeof createServiceAccountSchema>

export const mechanismSchema = z.enum(['pod-identity', 'irsa'])
export type Mechanism = z.infer<typeof mechanismSchema>

/** GET/POST …/workload-identity/trust-fix — preview, then apply with the policy that was previewed. */
export const trustFixQuerySchema = z.object({
  namespace: kubeName('namespace'),
  serviceAccount: kubeName('service account name'),
  mechanism: mechanismSchema,
})
export const applyTrustFixSchema = trustFixQuerySchema.extend({
  /** The trust policy the diff was computed from; if IAM holds another by now, the fix is refused (409). */
  expectedPolicy: multiLineText().min(2),
})

/** POST …/oidc-provider/client-ids — the token audience to add to the cluster's IAM OIDC provider (IAM: 1–255). */
export const addOidcClientIdSchema = z.object({
  audience: singleLineText()
    .trim()
    .min(1, 'Enter the audience (client ID), e.g. sts.amazonaws.com.')
    .max(255, 'An IAM OIDC client ID has at most 255 characters.'),
})
export type AddOidcClientIdInput = z.output<typeof addOidcClientIdSchema>

/** POST /api/iam/roles — a role whose trust policy lets this service account assume it. */
export const createWorkloadRoleSchema = z.object({
  region: singleLineText().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/),
  cluster: singleLineText().min(1).max(100),
  roleName: singleLineText()
    .trim()
    .regex(/^[\w+=,.@-]{1,64}$/, 'A role name is 1–64 letters, digits and + = , . @ _ -.'),
  description: singleLineText().trim().max(1000).default(''),
  mechanism: mechanismSchema,
  namespace: kubeName('namespace'),
  serviceAccount: kubeName('service account name'),
})
export type CreateWorkloadRoleInput = z.output<typeof createWorkloadRoleSchema>

// ---- answers ---------------------------------------------------------------------------------------------------

export const checkStatusSchema = z.enum(['pass', 'warn', 'fail', 'info'])
export type CheckStatus = z.infer<typeof checkStatusSchema>

export const checkFixSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trust-policy'), mechanism: mechanismSchema, roleArn: z.string() }),
  z.object({ kind: z.literal('create-oidc-provider') }),
  /** The provider exists but lacks the service account's token audience among its client IDs. */
  z.object({ kind: z.literal('add-client-id'), audience: z.string() }),
  z.object({ kind: z.literal('command'), label: z.string(), command: z.string() }),
])
export type CheckFix = z.infer<typeof checkFixSchema>

export const checkSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: checkStatusSchema,
  reason: z.string(),
  fix: checkFixSchema.optional(),
})
export type Check = z.infer<typeof checkSchema>

export const mappingPodSchema = z.object({
  name: z.string(),
  phase: z.string(),
  startTime: z.string().nullable(),
  startedBeforeAssociation: z.boolean(),
})

export const podIdentityDtoSchema = z.object({
  associationId: z.string(),
  associationArn: z.string(),
  roleArn: z.string(),
  targetRoleArn: z.string().nullable(),
  externalId: z.string().nullable(),
  disableSessionTags: z.boolean(),
  /** The inline session policy as EKS returns it (compact JSON), or null. */
  policy: z.string().nullable(),
  ownerArn: z.string().nullable(),
  createdAt: z.string().nullable(),
  modifiedAt: z.string().nullable(),
})
export type PodIdentityDto = z.infer<typeof podIdentityDtoSchema>

export const irsaDtoSchema = z.object({
  roleArn: z.string(),
  audience: z.string().nullable(),
  stsRegionalEndpoints: z.string().nullable(),
  tokenExpiration: z.string().nullable(),
})
export type IrsaDto = z.infer<typeof irsaDtoSchema>

export const verdictSchema = z.enum(['pass', 'warn', 'fail'])
export type Verdict = z.infer<typeof verdictSchema>

export const mappingSchema = z.object({
  namespace: z.string(),
  serviceAccount: z.string(),
  serviceAccountExists: z.boolean(),
  mechanism: z.enum(['pod-identity', 'irsa', 'both']),
  podIdentity: podIdentityDtoSchema.nullable(),
  irsa: irsaDtoSchema.nullable(),
  /** The role pods actually get: Pod Identity's when both are set. */
  effectiveRoleArn: z.string(),
  pods: z.array(mappingPodSchema),
  podsTruncated: z.boolean(),
  checks: z.array(checkSchema),
  verdict: verdictSchema,
})
export type Mapping = z.infer<typeof mappingSchema>

export const clusterIdentityFactsSchema = z.object({
  region: z.string(),
  name: z.string(),
  arn: z.string(),
  account: z.string(),
  autoMode: z.boolean(),
  oidcIssuer: z.string().nullable(),
  agent: z.object({
    source: z.enum(['addon', 'built-in', 'missing']),
    status: z.string().nullable(),
    version: z.string().nullable(),
  }),
  oidcProvider: z.object({ arn: z.string(), exists: z.boolean(), clientIds: z.array(z.string()) }).nullable(),
})
export type ClusterIdentityFacts = z.infer<typeof clusterIdentityFactsSchema>

/** GET …/workload-identity */
export const workloadIdentitySchema = z.object({
  cluster: clusterIdentityFactsSchema,
  mappings: z.array(mappingSchema),
})
export type WorkloadIdentity = z.infer<typeof workloadIdentitySchema>

/** GET …/service-accounts/:ns/:name */
export const serviceAccountDetailSchema = z.object({
  cluster: clusterIdentityFactsSchema,
  serviceAccount: z.object({
    namespace: z.string(),
    name: z.string(),
    exists: z.boolean(),
    uid: z.string().nullable(),
    resourceVersion: z.string().nullable(),
    creationTimestamp: z.string().nullable(),
    labels: z.record(z.string(), z.string()),
    annotations: z.record(z.string(), z.string()),
    yaml: z.string(),
  }),
  pods: z.array(mappingPodSchema),
  mapping: mappingSchema.nullable(),
})
export type ServiceAccountDetail = z.infer<typeof serviceAccountDetailSchema>

/** The query of GET …/service-accounts: an optional namespace (a DNS-1123 label) to list the accounts of. */
export const serviceAccountChoicesQuerySchema = z.object({
  namespace: z.preprocess((v) => (v === '' ? undefined : v), dns1123LabelSchema.optional()),
})

/** GET …/service-accounts[?namespace=] — the pickers of the create form. */
export const serviceAccountChoicesSchema = z.object({
  namespaces: z.array(z.string()),
  serviceAccounts: z.array(z.object({ namespace: z.string(), name: z.string() })),
  truncated: z.boolean(),
})
export type ServiceAccountChoices = z.infer<typeof serviceAccountChoicesSchema>

/** GET …/workload-identity/trust-fix */
export const trustFixPreviewSchema = z.object({
  roleArn: z.string(),
  before: z.string(),
  after: z.string(),
  reason: z.string(),
})
export type TrustFixPreview = z.infer<typeof trustFixPreviewSchema>
