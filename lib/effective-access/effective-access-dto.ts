// What the effective-access routes answer with, as zod schemas the browser validates (fetchJson) and the route tests
// parse. They mirror the resolver's types (grant-path.ts, identity.ts, matrix.ts, who-can.ts, why-forbidden.ts).
import { z } from 'zod'

import { policyRuleSchema } from '@/lib/access/policy-rule-schema'

import { riskTags } from './risk'
import { diagnosisCodes } from './why-forbidden'

const scopeSchema = z.object({ type: z.enum(['cluster', 'namespace']), namespaces: z.array(z.string()) })
const subjectSchema = z.object({ kind: z.string(), name: z.string(), namespace: z.string().optional() })

export const grantPathSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('superuser'), group: z.literal('system:masters'), text: z.string() }),
  z.object({
    kind: z.literal('access-policy'),
    policyArn: z.string(),
    policyName: z.string(),
    scope: scopeSchema,
    ruleIndex: z.number(),
    unverified: z.boolean(),
    text: z.string(),
  }),
  z.object({
    kind: z.literal('rbac'),
    subject: subjectSchema,
    binding: z.object({
      kind: z.enum(['RoleBinding', 'ClusterRoleBinding']),
      name: z.string(),
      namespace: z.string().optional(),
    }),
    role: z.object({ kind: z.string(), name: z.string(), namespace: z.string().optional() }),
    ruleIndex: z.number(),
    aggregatedFrom: z.string().optional(),
    onlyForSession: z.string().optional(),
    text: z.string(),
  }),
])
export type GrantPathDto = z.infer<typeof grantPathSchema>

const noteSchema = z.object({ code: z.string() }).passthrough()
const entrySchema = z.object({
  principalArn: z.string(),
  type: z.string(),
  username: z.string().nullable(),
  kubernetesGroups: z.array(z.string()),
  policies: z.array(z.object({ policyArn: z.string(), accessScope: scopeSchema })),
  createdAt: z.string().nullable(),
})

export const resolvedIdentitySchema = z.object({
  principalArn: z.string(),
  canonicalArn: z.string(),
  via: z.enum(['access-entry', 'aws-auth']).nullable(),
  entry: entrySchema.optional(),
  staleEntry: entrySchema.optional(),
  mapping: z
    .object({ section: z.enum(['mapRoles', 'mapUsers', 'mapAccounts']), index: z.number(), arn: z.string() })
    .optional(),
  username: z.string().nullable(),
  groups: z.array(z.string()),
  accessPolicies: z.array(z.object({ policyArn: z.string(), accessScope: scopeSchema })),
  notes: z.array(noteSchema),
})

const snapshotInfo = {
  cluster: z.object({ region: z.string(), name: z.string(), authenticationMode: z.string() }),
  loadedAt: z.string(),
  gaps: z.array(z.string()),
}

export const permissionMatrixSchema = z.object({
  resources: z.array(
    z.object({
      key: z.string(),
      namespaced: z.boolean(),
      verbs: z.array(z.string()),
      nonResource: z.literal(true).optional(),
    }),
  ),
  namespaces: z.array(z.string().nullable()),
  paths: z.array(grantPathSchema),
  cells: z.array(
    z.object({
      namespace: z.string().nullable(),
      resource: z.string(),
      verb: z.string(),
      pathIds: z.array(z.number()),
      risk: z.enum(riskTags).optional(),
      names: z.array(z.string()).optional(),
    }),
  ),
})
export type PermissionMatrixDto = z.infer<typeof permissionMatrixSchema>

/** GET …/effective-access/principal */
export const principalAnalysisSchema = z.object({
  ...snapshotInfo,
  identity: resolvedIdentitySchema,
  policies: z.array(
    z.object({
      policyArn: z.string(),
      policyName: z.string(),
      accessScope: scopeSchema,
      rules: z.array(policyRuleSchema).nullable(),
      unverified: z.boolean(),
    }),
  ),
  bindings: z.array(
    z.object({
      binding: z.string(),
      bindingKind: z.enum(['RoleBinding', 'ClusterRoleBinding']),
      namespace: z.string().nullable(),
      subject: z.string(),
      role: z.object({ kind: z.string(), name: z.string() }),
      roleExists: z.boolean(),
      rules: z.array(policyRuleSchema),
      aggregated: z.boolean(),
    }),
  ),
  unboundGroups: z.array(z.string()),
  matrix: permissionMatrixSchema.nullable(),
  namespacesShown: z.array(z.string()),
  namespacesTotal: z.number(),
})
export type PrincipalAnalysisDto = z.infer<typeof principalAnalysisSchema>

/** GET …/effective-access/who-can */
export const whoCanAnswerSchema = z.object({
  ...snapshotInfo,
  principals: z.array(
    z.object({
      principalArn: z.string(),
      via: z.enum(['access-entry', 'aws-auth']),
      username: z.string(),
      groups: z.array(z.string()),
      paths: z.array(grantPathSchema),
      notes: z.array(noteSchema),
    }),
  ),
  subjects: z.array(z.object({ subject: subjectSchema, paths: z.array(grantPathSchema) })),
  mappedAccounts: z.array(z.string()),
  crossCheck: z
    .object({
      checked: z.number(),
      skipped: z.number(),
      disagreements: z.array(
        z.object({ principalArn: z.string(), username: z.string(), resolver: z.boolean(), cluster: z.boolean() }),
      ),
      note: z.string().nullable(),
    })
    .nullable(),
})
export type WhoCanAnswerDto = z.infer<typeof whoCanAnswerSchema>

const requestSchema = z.object({
  verb: z.string(),
  apiGroup: z.string(),
  resource: z.string(),
  subresource: z.string().optional(),
  name: z.string().optional(),
  namespace: z.string().optional(),
  nonResourceURL: z.string().optional(),
})

/** GET …/effective-access/why-forbidden */
export const forbiddenExplanationSchema = z.object({
  ...snapshotInfo,
  username: z.string().nullable(),
  candidates: z.array(
    z.object({
      principalArn: z.string(),
      sessionName: z.string().optional(),
      via: z.enum(['access-entry', 'aws-auth', 'session-arn']),
    }),
  ),
  diagnosis: z
    .object({
      request: requestSchema,
      allowed: z.boolean(),
      paths: z.array(grantPathSchema),
      code: z.enum(diagnosisCodes),
      message: z.string(),
      steps: z.array(
        z.object({ step: z.enum(['identity', 'access-policies', 'rbac']), ok: z.boolean(), message: z.string() }),
      ),
      fix: z
        .object({
          principalArn: z.string(),
          policyArn: z.string(),
          policyName: z.string(),
          accessScope: scopeSchema,
          createsEntry: z.boolean(),
          recreate: z
            .object({
              type: z.string(),
              username: z.string().nullable(),
              kubernetesGroups: z.array(z.string()),
              policies: z.array(z.object({ policyArn: z.string(), accessScope: scopeSchema })),
            })
            .optional(),
          message: z.string(),
        })
        .nullable(),
    })
    .nullable(),
  crossCheck: z
    .object({
      resolver: z.boolean(),
      cluster: z.boolean().nullable(),
      agrees: z.boolean().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
})
export type ForbiddenExplanationDto = z.infer<typeof forbiddenExplanationSchema>
