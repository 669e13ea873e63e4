// What the console's access-entry routes answer with: plain DTOs the browser validates (fetchJson + these schemas).
// Isomorphic: the route handlers build them, the queries parse them.
import { z } from 'zod'

import { authenticationModeSchema } from '@/lib/clusters/cluster-schemas'

import { policyRuleSchema } from './policy-rule-schema'

export const accessScopeDtoSchema = z.object({
  type: z.enum(['cluster', 'namespace']),
  namespaces: z.array(z.string()),
})
export type AccessScopeDto = z.infer<typeof accessScopeDtoSchema>

export const associatedPolicyDtoSchema = z.object({
  policyArn: z.string(),
  policyName: z.string(),
  accessScope: accessScopeDtoSchema,
  associatedAt: z.string().nullable(),
  modifiedAt: z.string().nullable(),
})
export type AssociatedPolicyDto = z.infer<typeof associatedPolicyDtoSchema>

/**
 * Why changing or deleting an entry needs an admin to type the cluster name (the lockout guard).
 * `console-identity-unknown`: STS could not say who the console is, so any entry might be its own (fail closed).
 */
export const lockoutRiskSchema = z.enum(['last-cluster-admin', 'console-principal', 'console-identity-unknown'])
export type LockoutRisk = z.infer<typeof lockoutRiskSchema>

export const accessEntryDtoSchema = z.object({
  principalArn: z.string(),
  principalName: z.string(),
  principalKind: z.enum(['role', 'user', 'other']),
  /** The IAM path of a role or user (`/` when none). */
  principalPath: z.string(),
  type: z.string(),
  username: z.string().nullable(),
  kubernetesGroups: z.array(z.string()),
  accessEntryArn: z.string().nullable(),
  createdAt: z.string().nullable(),
  modifiedAt: z.string().nullable(),
  tags: z.record(z.string(), z.string()),
  policies: z.array(associatedPolicyDtoSchema),
  /** Set when EKS owns the entry: the sentence shown instead of edit controls, naming why (which node group…). */
  managedReason: z.string().nullable(),
  /** Set on a node-type entry the customer owns: nodes may still join with it, so deleting it is risky (not locked). */
  nodeWarning: z.string().nullable(),
  /** Null, or why deleting the entry (or removing its policies) trips the lockout guard. */
  lockoutRisk: lockoutRiskSchema.nullable(),
  /** The console's version of the entry (also its ETag): writes send it as If-Match and get 412 when it is stale. */
  version: z.string(),
})
export type AccessEntryDto = z.infer<typeof accessEntryDtoSchema>

/** GET /api/clusters/:region/:cluster/access-entries */
export const accessEntriesPageSchema = z.object({
  cluster: z.object({
    region: z.string(),
    name: z.string(),
    accountId: z.string().nullable(),
    authenticationMode: authenticationModeSchema,
    autoMode: z.boolean(),
  }),
  /** False on a CONFIG_MAP cluster: EKS answers every access-entry call with InvalidRequestException there. */
  available: z.boolean(),
  entries: z.array(accessEntryDtoSchema),
  /**
   * Entries ListAccessEntries named but whose details EKS would not give even after retries (throttling, a 5xx):
   * the page shows the rest and names these, instead of failing as a whole.
   */
  unreadable: z.array(z.object({ principalArn: z.string(), principalName: z.string(), message: z.string() })),
  /** The IAM principal the console's server acts as (canonical role or user ARN), when STS could tell. */
  consolePrincipalArn: z.string().nullable(),
  loadedAt: z.string(),
})
export type AccessEntriesPage = z.infer<typeof accessEntriesPageSchema>

/** One step of a grant: create the entry, or associate one policy. */
export const grantStepSchema = z.object({
  kind: z.enum(['create-entry', 'associate-policy']),
  policyArn: z.string().optional(),
  accessScope: accessScopeDtoSchema.optional(),
  status: z.enum(['applied', 'failed', 'not-attempted']),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
})
export type GrantStep = z.infer<typeof grantStepSchema>

/** POST /api/clusters/:region/:cluster/access-entries: what applied and what did not. */
export const grantResultSchema = z.object({
  principalArn: z.string(),
  complete: z.boolean(),
  steps: z.array(grantStepSchema),
  entry: accessEntryDtoSchema.nullable(),
  /** When a time-bound grant ends (ISO 8601); absent for a permanent one. */
  expiresAt: z.string().optional(),
})
export type GrantResult = z.infer<typeof grantResultSchema>

/** GET …/access-entries/kubernetes: what the cluster's Kubernetes API says, when the console can reach it. */
export const kubernetesContextSchema = z.object({
  available: z.boolean(),
  reason: z.string().nullable(),
  namespaces: z.array(z.string()),
  boundGroups: z.array(z.string()),
})
export type KubernetesContext = z.infer<typeof kubernetesContextSchema>

/** GET /api/access-policies */
export const accessPolicyDtoSchema = z.object({
  name: z.string(),
  arn: z.string(),
  summary: z.string().nullable(),
  category: z.string().nullable(),
  typicalScope: z.enum(['cluster', 'namespace']).nullable(),
  documented: z.boolean(),
  managedByEks: z.boolean(),
  rules: z.array(policyRuleSchema).nullable(),
})
export type AccessPolicyDto = z.infer<typeof accessPolicyDtoSchema>
export const accessPolicyListSchema = z.object({ policies: z.array(accessPolicyDtoSchema) })

/** GET /api/iam/principals */
export const iamPrincipalSchema = z.object({
  arn: z.string(),
  name: z.string(),
  path: z.string(),
  kind: z.enum(['role', 'user']),
})
export type IamPrincipal = z.infer<typeof iamPrincipalSchema>
export const iamPrincipalSearchSchema = z.object({
  principals: z.array(iamPrincipalSchema),
  truncated: z.boolean(),
})

/** GET/POST …/authentication-mode */
export const clusterUpdateSchema = z.object({
  id: z.string(),
  status: z.string(),
  type: z.string().nullable(),
  createdAt: z.string().nullable(),
  errors: z.array(z.object({ code: z.string().nullable(), message: z.string().nullable() })),
  targetMode: authenticationModeSchema.nullable(),
})
export type ClusterUpdateDto = z.infer<typeof clusterUpdateSchema>

export const authenticationModeStateSchema = z.object({
  mode: authenticationModeSchema,
  clusterStatus: z.string(),
  autoMode: z.boolean(),
  update: clusterUpdateSchema.nullable(),
})
export type AuthenticationModeState = z.infer<typeof authenticationModeStateSchema>

/** DELETE …/access-entries/:principalArn: the principal whose entry is gone. */
export const deletedEntrySchema = z.object({ deleted: z.string() })
