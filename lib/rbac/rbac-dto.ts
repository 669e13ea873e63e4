// What the browser sees of a cluster's RBAC: rows for the lists and the detail of one role, binding or subject.
import { z } from 'zod'

import { policyRuleSchema } from '@/lib/access/policy-rule-schema'

const nullableString = z.string().nullable()

export type PolicyRuleDto = z.infer<typeof policyRuleSchema>

export const labelSelectorSchema = z.object({
  matchLabels: z.record(z.string(), z.string()).optional(),
  matchExpressions: z
    .array(z.object({ key: z.string(), operator: z.string(), values: z.array(z.string()).optional() }))
    .optional(),
})

export const subjectRefSchema = z.object({
  kind: z.string(),
  name: z.string(),
  /** A ServiceAccount's namespace (defaulted to the RoleBinding's when the subject left it out). */
  namespace: nullableString,
})
export type SubjectRefDto = z.infer<typeof subjectRefSchema>

export const roleRowSchema = z.object({
  kind: z.enum(['Role', 'ClusterRole']),
  name: z.string(),
  namespace: nullableString,
  ruleCount: z.number(),
  /** Set on aggregated ClusterRoles: how many ClusterRoles the selectors pick. */
  aggregatedFrom: z.number().nullable(),
  bindingCount: z.number(),
})
export type RoleRow = z.infer<typeof roleRowSchema>

export const bindingRowSchema = z.object({
  kind: z.enum(['RoleBinding', 'ClusterRoleBinding']),
  name: z.string(),
  namespace: nullableString,
  roleRef: z.object({ kind: z.string(), name: z.string() }),
  /** False when the referenced role does not exist (the binding grants nothing). */
  roleExists: z.boolean(),
  subjects: z.array(subjectRefSchema),
})
export type BindingRow = z.infer<typeof bindingRowSchema>

export const subjectRowSchema = z.object({
  kind: z.string(),
  name: z.string(),
  namespace: nullableString,
  bindingCount: z.number(),
})
export type SubjectRow = z.infer<typeof subjectRowSchema>

/** GET …/rbac: every role, binding and subject of the cluster. */
export const rbacOverviewSchema = z.object({
  roles: z.array(roleRowSchema),
  clusterRoles: z.array(roleRowSchema),
  roleBindings: z.array(bindingRowSchema),
  clusterRoleBindings: z.array(bindingRowSchema),
  subjects: z.array(subjectRowSchema),
  /** Kinds with more objects than the console reads (the lists are then incomplete). */
  truncated: z.array(z.string()),
})
export type RbacOverview = z.infer<typeof rbacOverviewSchema>

const objectMetaSchema = z.object({
  uid: nullableString,
  resourceVersion: nullableString,
  createdAt: nullableString,
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  /** The object as YAML, without managedFields (as `kubectl get -o yaml` shows it). */
  yaml: z.string(),
})

export const roleDetailSchema = z.object({
  role: roleRowSchema,
  meta: objectMetaSchema,
  /** Each stored rule, with the ClusterRole it was aggregated from (aggregated ClusterRoles only). */
  rules: z.array(z.object({ rule: policyRuleSchema, source: nullableString })),
  aggregation: z.object({ selectors: z.array(labelSelectorSchema), sources: z.array(z.string()) }).nullable(),
  /** ClusterRoles whose aggregation selectors pick this one (it feeds them). */
  aggregatedInto: z.array(z.string()),
  bindings: z.array(bindingRowSchema),
})
export type RoleDetail = z.infer<typeof roleDetailSchema>

export const bindingDetailSchema = z.object({
  binding: bindingRowSchema,
  meta: objectMetaSchema,
  /** The rules the role brings (empty when the role is missing). */
  rules: z.array(policyRuleSchema),
})
export type BindingDetail = z.infer<typeof bindingDetailSchema>

export const subjectDetailSchema = z.object({
  subject: subjectRefSchema,
  /** Every binding naming the subject, with the rules its role brings and where they apply. */
  bindings: z.array(
    z.object({
      binding: bindingRowSchema,
      /** `null`: cluster-wide (ClusterRoleBinding); else the namespace the rules apply in. */
      scope: nullableString,
      rules: z.array(policyRuleSchema),
    }),
  ),
})
export type SubjectDetail = z.infer<typeof subjectDetailSchema>

/** POST …/rbac/role-bindings and …/cluster-role-bindings: what was created. */
export const bindingWriteResultSchema = z.object({
  binding: bindingRowSchema,
  uid: z.string(),
  resourceVersion: z.string(),
  /** When the binding is time-bound: when the console deletes it. */
  expiresAt: z.string().nullable(),
})
export type BindingWriteResult = z.infer<typeof bindingWriteResultSchema>
