// What the browser sees of time-bound grants: no credentials, only what the console granted and when it ends.
import { z } from 'zod'

/**
 * What one grant added, by kind; the revoker of each kind removes exactly this. `access-entry`: the grant created the
 * entry (with these policies); `access-policy`: the entry existed and the grant associated one policy;
 * `aws-auth-mapping`: one row added to kube-system/aws-auth; `role-binding`: a RoleBinding or ClusterRoleBinding the
 * console created (its revoker is in lib/time-bound/server/revoke-role-binding.ts).
 */
/** A break-glass grant's mandatory reason (its own audit category); absent on ordinary time-bound grants. */
const breakGlassReason = z.string().optional()

export const grantAdditionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('access-entry'),
    principalArn: z.string(),
    username: z.string().nullable(),
    kubernetesGroups: z.array(z.string()),
    policies: z.array(
      z.object({
        policyArn: z.string(),
        accessScope: z.object({ type: z.enum(['cluster', 'namespace']), namespaces: z.array(z.string()) }),
      }),
    ),
    breakGlassReason,
  }),
  z.object({
    kind: z.literal('access-policy'),
    principalArn: z.string(),
    policyArn: z.string(),
    accessScope: z.object({ type: z.enum(['cluster', 'namespace']), namespaces: z.array(z.string()) }),
    breakGlassReason,
  }),
  z.object({
    kind: z.literal('aws-auth-mapping'),
    principalArn: z.string(),
    section: z.enum(['mapRoles', 'mapUsers']),
    username: z.string(),
    groups: z.array(z.string()),
    breakGlassReason,
  }),
  z.object({
    kind: z.literal('role-binding'),
    bindingKind: z.enum(['RoleBinding', 'ClusterRoleBinding']),
    /** The RoleBinding's namespace; null for a ClusterRoleBinding. */
    namespace: z.string().nullable(),
    name: z.string(),
    roleRef: z.object({ kind: z.string(), name: z.string() }),
    subjects: z.array(z.object({ kind: z.string(), name: z.string(), namespace: z.string().nullable() })),
    /** The uid the API server gave the binding (null until the create answered): the revoker deletes only that one. */
    uid: z.string().nullable(),
    breakGlassReason,
  }),
])
export type GrantAddition = z.infer<typeof grantAdditionSchema>

/** Where a grant is in its life: active until revoked; `drifted` = revoked what was left, after outside changes. */
export const grantStatuses = ['active', 'revoked', 'drifted'] as const
export type GrantStatus = (typeof grantStatuses)[number]

export const timeBoundGrantSchema = z.object({
  id: z.string(),
  region: z.string(),
  cluster: z.string(),
  principalArn: z.string(),
  addition: grantAdditionSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(grantStatuses),
  /** Failed revocation attempts so far (each is retried with backoff). */
  attempts: z.number(),
  lastError: z.string().nullable(),
  /** True when revocation has failed long enough that a person should look (the banner and badge). */
  stuck: z.boolean(),
})
export type TimeBoundGrantDto = z.infer<typeof timeBoundGrantSchema>

/** GET …/time-bound-grants: the cluster's active grants and its bounds. */
export const timeBoundGrantListSchema = z.object({
  grants: z.array(timeBoundGrantSchema),
  bounds: z.object({ minSeconds: z.number(), maxSeconds: z.number() }),
})
export type TimeBoundGrantList = z.infer<typeof timeBoundGrantListSchema>
