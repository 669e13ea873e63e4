// Wire shapes of the aws-auth page (zod, so the browser checks what it receives).
import { z } from 'zod'

import { authenticationModeSchema } from '@/lib/clusters/cluster-schemas'

const problemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  line: z.number().optional(),
  column: z.number().optional(),
})
export type AwsAuthProblemDto = z.infer<typeof problemSchema>

const meaningSchema = z.enum([
  'node',
  'windows-node',
  'fargate',
  'admin',
  'rbac-groups',
  'identity-only',
  'account',
  'unreadable',
])

/** One mapRoles/mapUsers row as the table shows it. */
export const awsAuthRowSchema = z.object({
  section: z.enum(['mapRoles', 'mapUsers']),
  index: z.number(),
  kind: z.enum(['role', 'user']),
  arn: z.string(),
  username: z.string().nullable(),
  groups: z.array(z.string()),
  /** Keys the console does not model (kept on edit), e.g. `sso`. */
  extraKeys: z.array(z.string()),
  line: z.number().nullable(),
  meaning: meaningSchema,
  problems: z.array(problemSchema),
  /** API_AND_CONFIG_MAP: an access entry exists for the same principal, and it wins. */
  shadowedByAccessEntry: z.boolean(),
})
export type AwsAuthRowDto = z.infer<typeof awsAuthRowSchema>

export const awsAuthAccountRowSchema = z.object({
  index: z.number(),
  account: z.string(),
  problems: z.array(problemSchema),
})
export type AwsAuthAccountRowDto = z.infer<typeof awsAuthAccountRowSchema>

const sectionProblemSchema = problemSchema.extend({ section: z.enum(['mapRoles', 'mapUsers', 'mapAccounts']) })

/** GET …/aws-auth */
export const awsAuthViewSchema = z.object({
  cluster: z.object({
    region: z.string(),
    name: z.string(),
    authenticationMode: authenticationModeSchema,
    autoMode: z.boolean(),
  }),
  /** CONFIG_MAP and API_AND_CONFIG_MAP read aws-auth; API ignores it. */
  readsAwsAuth: z.boolean(),
  /** null when kube-system/aws-auth does not exist. */
  configMap: z
    .object({
      resourceVersion: z.string(),
      /** The whole ConfigMap as YAML (managedFields dropped), for the raw view. */
      yaml: z.string(),
      data: z.record(z.string(), z.string()),
      /** data keys other than mapRoles/mapUsers/mapAccounts, kept untouched by edits. */
      otherKeys: z.array(z.string()),
    })
    .nullable(),
  mapRoles: z.array(awsAuthRowSchema),
  mapUsers: z.array(awsAuthRowSchema),
  mapAccounts: z.array(awsAuthAccountRowSchema),
  /** Problems with a whole section (YAML syntax error with line/column, not a list). */
  sectionProblems: z.array(sectionProblemSchema),
  /** Sections the console refuses to edit because it cannot read them. */
  unreadable: z.array(z.enum(['mapRoles', 'mapUsers', 'mapAccounts'])),
})
export type AwsAuthViewDto = z.infer<typeof awsAuthViewSchema>

/** What the lockout guard found about a change. */
export const awsAuthGuardSchema = z.object({
  risks: z.array(z.object({ kind: z.enum(['last-admin', 'workload']), message: z.string() })),
  /** True when the risks are accepted by typing the cluster name (or there are none). */
  satisfied: z.boolean(),
})
export type AwsAuthGuardDto = z.infer<typeof awsAuthGuardSchema>

/** POST …/aws-auth/preview and the body of a successful PUT. */
export const awsAuthPreviewSchema = z.object({
  /** ConfigMap YAML before and after (the diff the person approves). */
  before: z.string(),
  after: z.string(),
  resourceVersion: z.string().nullable(),
  creates: z.boolean(),
  guard: awsAuthGuardSchema,
  /** New problems the change leaves in the edited row (warnings: the schema already refused errors). */
  warnings: z.array(z.string()),
  commands: z.object({ eksctl: z.string().nullable(), kubectl: z.string() }),
})
export type AwsAuthPreviewDto = z.infer<typeof awsAuthPreviewSchema>

/** PUT …/aws-auth answer. */
export const awsAuthApplyResultSchema = awsAuthPreviewSchema.extend({
  resourceVersion: z.string(),
  /** When a time-bound added row ends (ISO 8601); absent for a permanent change. */
  expiresAt: z.string().optional(),
})
export type AwsAuthApplyResultDto = z.infer<typeof awsAuthApplyResultSchema>
