// The questions the effective-access routes answer, one zod schema each, shared by the pages' forms and the route
// handlers (which parse the query string with them).
import { z } from 'zod'

import { parseArn } from '@/lib/access/arn'
import type { RequestAttributes } from '@/lib/access/rules'
import { multiLineText, singleLineText } from '@/lib/validation/text-fields'

const ARN_EXAMPLE = 'arn:aws:iam::111122223333:role/my-role'

/** Any IAM role or user ARN, or an STS assumed-role session ARN (its role is analysed, with that session name). */
export const analysedPrincipalArnSchema = singleLineText()
  .trim()
  .min(1, `Enter the ARN of an IAM role or user, like ${ARN_EXAMPLE}.`)
  .max(2048)
  .superRefine((value, ctx) => {
    const arn = parseArn(value)
    const ok =
      arn !== undefined &&
      /^\d{12}$/.test(arn.account) &&
      ((arn.service === 'iam' && (arn.resourceType === 'role' || arn.resourceType === 'user')) ||
        (arn.service === 'sts' && arn.resourceType === 'assumed-role'))
    if (!ok)
      ctx.addIssue({
        code: 'custom',
        message: `Enter the ARN of an IAM role or user (or a role session), like ${ARN_EXAMPLE}.`,
      })
  })

// Kubernetes names: DNS labels/subdomains for namespaces and objects; verbs and resources are lower-case words.
const namespaceSchema = z
  .string()
  .trim()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'A namespace is lower-case letters, digits and "-" (like team-a).')
const verbSchema = z
  .string()
  .trim()
  .regex(/^(\*|[a-z]+)$/, 'A verb is one lower-case word, like get, list, create or impersonate.')
const resourceSchema = z
  .string()
  .trim()
  .min(1, 'Enter a resource, like pods, pods/exec or deployments.apps.')
  .max(253)
  .regex(
    /^(\*|[a-z0-9.-]+)(\/(\*|[a-z0-9.-]+))?$/,
    'A resource is lower-case, like pods, pods/exec or deployments.apps.',
  )
const apiGroupSchema = z
  .string()
  .trim()
  .max(253)
  .regex(/^(\*|[a-z0-9.-]*)$/, 'An API group is empty for the core group, or like apps or rbac.authorization.k8s.io.')
const nameSchema = z
  .string()
  .trim()
  .max(253)
  .regex(/^[^/\s]*$/, 'An object name has no spaces or "/".')
const pathSchema = z
  .string()
  .trim()
  .max(1024)
  .regex(/^\/[\x21-\x7e]*$/, 'A non-resource URL starts with "/", like /metrics.')
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional())

const requestFields = {
  verb: verbSchema,
  resource: optional(resourceSchema),
  apiGroup: optional(apiGroupSchema),
  namespace: optional(namespaceSchema),
  name: optional(nameSchema),
  nonResourceURL: optional(pathSchema),
}

const requireResource = (q: { resource?: string; nonResourceURL?: string }, ctx: z.RefinementCtx) => {
  if (!q.resource && !q.nonResourceURL)
    ctx.addIssue({ code: 'custom', path: ['resource'], message: 'Enter a resource, like pods, or a non-resource URL.' })
}

/** One request to ask about: verb + resource (kubectl style: `pods/exec`, `deployments.apps`) or a non-resource URL. */
export const requestQuerySchema = z.object(requestFields).superRefine(requireResource)
export type RequestQuery = z.infer<typeof requestQuerySchema>

/** `deployments.apps/scale` → resource deployments, group apps, subresource scale (as kubectl reads it). */
export function toRequestAttributes(q: RequestQuery): RequestAttributes {
  if (q.nonResourceURL) return { verb: q.verb, apiGroup: '', resource: '', nonResourceURL: q.nonResourceURL }
  const [gr = '', subresource] = (q.resource ?? '').split('/')
  const dot = gr.indexOf('.')
  const resource = dot === -1 || q.apiGroup !== undefined ? gr : gr.slice(0, dot)
  const apiGroup = q.apiGroup ?? (dot === -1 ? '' : gr.slice(dot + 1))
  return {
    verb: q.verb,
    apiGroup,
    resource,
    ...(subresource ? { subresource } : {}),
    ...(q.namespace ? { namespace: q.namespace } : {}),
    ...(q.name ? { name: q.name } : {}),
  }
}

/** GET …/effective-access/principal: what can this principal do (optionally in these namespaces only). */
export const principalQuerySchema = z.object({
  principalArn: analysedPrincipalArnSchema,
  sessionName: optional(singleLineText().trim().max(64)),
  namespaces: optional(
    z
      .string()
      .transform((s) =>
        s
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean),
      )
      .pipe(z.array(namespaceSchema).max(200, 'Ask about at most 200 namespaces at once.')),
  ),
})
export type PrincipalQuery = z.infer<typeof principalQuerySchema>

/** GET …/effective-access/who-can. */
export const whoCanQuerySchema = z
  .object({
    ...requestFields,
    // Also ask the cluster (one SubjectAccessReview per principal, at most 100) and report disagreements.
    crossCheck: optional(z.enum(['1', 'true'], { error: 'crossCheck is 1 or true.' })),
  })
  .superRefine(requireResource)
export type WhoCanQuery = z.infer<typeof whoCanQuerySchema>

/**
 * The Who-can form's Resource field: a resource as kubectl writes it, or a non-resource URL (`/metrics`), told apart by
 * the leading "/"; splitResourceField (resource-field.ts) turns it into the query's `resource` or `nonResourceURL`.
 */
const resourceFieldSchema = z.string().superRefine((value, ctx) => {
  const parsed = (value.trim().startsWith('/') ? pathSchema : resourceSchema).safeParse(value)
  if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message })
})

/** The Who-can form: the query's fields, with a non-resource URL allowed in the Resource field. */
export const whoCanFormSchema = z
  .object({ ...requestFields, resource: optional(resourceFieldSchema) })
  .superRefine(requireResource)

const whyForbiddenFields = {
  message: optional(multiLineText().trim().max(4096, 'Paste only the Forbidden message (at most 4,096 characters).')),
  principalArn: optional(analysedPrincipalArnSchema),
  sessionName: optional(singleLineText().trim().max(64)),
  verb: optional(verbSchema),
  resource: optional(resourceSchema),
  apiGroup: optional(apiGroupSchema),
  namespace: optional(namespaceSchema),
  name: optional(nameSchema),
  nonResourceURL: optional(pathSchema),
}

const requireMessageOrRequest = (
  q: { message?: string; principalArn?: string; verb?: string; resource?: string; nonResourceURL?: string },
  ctx: z.RefinementCtx,
) => {
  if (q.message) return
  if (!q.principalArn)
    ctx.addIssue({ code: 'custom', path: ['principalArn'], message: 'Paste a Forbidden message, or pick a principal.' })
  if (!q.verb) ctx.addIssue({ code: 'custom', path: ['verb'], message: 'Enter the verb that was refused, like list.' })
  if (!q.resource && !q.nonResourceURL)
    ctx.addIssue({
      code: 'custom',
      path: ['resource'],
      message: 'Enter the resource that was refused, like pods, or a non-resource URL.',
    })
}

/** GET …/effective-access/why-forbidden: a pasted Forbidden message, or a principal and a request. */
export const whyForbiddenQuerySchema = z.object(whyForbiddenFields).superRefine(requireMessageOrRequest)

/** The Why-Forbidden form: the query's fields, with a non-resource URL allowed in the Resource field (as Who-can). */
export const whyForbiddenFormSchema = z
  .object({ ...whyForbiddenFields, resource: optional(resourceFieldSchema) })
  .superRefine(requireMessageOrRequest)
export type WhyForbiddenQuery = z.infer<typeof whyForbiddenQuerySchema>

/** The query string of a URL as a plain object (the last value of a repeated key wins). */
export function readQuery(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries())
}
