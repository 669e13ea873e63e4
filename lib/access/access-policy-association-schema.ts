// Access-policy association bodies (AssociateAccessPolicy: policyArn + accessScope), shared by form and handler.
import { z } from 'zod'

import { singleLineText } from '@/lib/validation/text-fields'

import { findNamespacePatternProblem } from './access-entry-fields'

/** An access policy ARN. Unknown names are accepted: AWS adds policies over time and ListAccessPolicies is the source. */
export const policyArnSchema = singleLineText({ error: 'Choose an access policy.' })
  .trim()
  .superRefine((value, ctx) => {
    if (/^arn:[\w-]+:eks::aws:cluster-access-policy\/[A-Za-z0-9]+$/.test(value)) return
    const message = /^arn:[\w-]+:iam::/.test(value)
      ? 'That is an IAM policy ARN. Access policies look like arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy.'
      : 'Access policy ARNs look like arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy.'
    ctx.addIssue({ code: 'custom', message })
  })

/** The most namespaces one access scope may list in this console. */
export const MAX_SCOPE_NAMESPACES = 100

/** Where an associated policy applies: the whole cluster, or listed namespaces (wildcards like `dev-*` allowed). */
export const accessScopeSchema = z.discriminatedUnion(
  'type',
  [
    z.object({
      type: z.literal('cluster'),
      // EKS echoes `namespaces: []` for cluster scope; a non-empty list would be silently meaningless.
      namespaces: z
        .array(singleLineText())
        .max(0, { error: 'Cluster scope covers every namespace; remove the namespaces or choose namespace scope.' })
        .optional(),
    }),
    z.object({
      type: z.literal('namespace'),
      namespaces: z
        .array(
          singleLineText()
            .trim()
            .superRefine((value, ctx) => {
              const problem = findNamespacePatternProblem(value)
              if (problem) ctx.addIssue({ code: 'custom', message: problem })
            }),
          { error: 'List the namespaces this policy applies to.' },
        )
        .min(1, { error: 'Namespace scope needs at least one namespace.' })
        // EKS documents no limit on namespaces per scope; 100 keeps a scope readable and a request small.
        .max(MAX_SCOPE_NAMESPACES, { error: `A scope can list at most ${MAX_SCOPE_NAMESPACES} namespaces.` })
        .refine((list) => new Set(list).size === list.length, { error: 'A namespace is listed twice.' }),
    }),
  ],
  { error: 'Choose cluster or namespace scope.' },
)

/** One policy association: the body of AssociateAccessPolicy (re-running it replaces the scope). */
export const associateAccessPolicySchema = z.object({
  policyArn: policyArnSchema,
  accessScope: accessScopeSchema,
})

export type AccessScopeInput = z.infer<typeof accessScopeSchema>
export type AssociateAccessPolicyInput = z.infer<typeof associateAccessPolicySchema>
