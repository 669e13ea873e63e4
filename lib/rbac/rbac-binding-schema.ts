// The one schema of the binding form and the binding routes (zodResolver in the browser, parse on the server).
// Name rules are kube-apiserver's: RBAC object names are path segment names (ValidateRBACName =
// path.IsValidPathSegmentName: not "." or "..", no "/" or "%"), namespaces DNS-1123 labels, ServiceAccount names
// DNS-1123 subdomains (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/).
import { z } from 'zod'

import { grantDurationSchema } from '@/lib/time-bound/grant-duration'
import { dns1123LabelSchema, singleLineText } from '@/lib/validation/text-fields'

/** A Role, ClusterRole, RoleBinding or ClusterRoleBinding name. */
export const rbacNameSchema = singleLineText()
  .trim()
  .min(1, 'Enter a name.')
  .max(253, 'A name has at most 253 characters.')
  .refine((v) => v !== '.' && v !== '..', 'A name cannot be "." or "..".')
  .refine((v) => !/[/%]/.test(v), 'A name cannot contain "/" or "%".')

const dns1123Subdomain = singleLineText()
  .trim()
  .max(253, 'A service account name has at most 253 characters.')
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    "A service account name is lower-case letters, digits, '-' and '.', starting and ending with a letter or digit.",
  )

export const bindingKinds = ['RoleBinding', 'ClusterRoleBinding'] as const
export type BindingKind = (typeof bindingKinds)[number]
export const roleKinds = ['Role', 'ClusterRole'] as const
export const subjectKinds = ['User', 'Group', 'ServiceAccount'] as const
export type SubjectKind = (typeof subjectKinds)[number]

/** POST …/rbac/role-bindings and …/rbac/cluster-role-bindings: one binding of one role to one subject. */
export const createBindingSchema = z
  .object({
    kind: z.enum(bindingKinds),
    name: rbacNameSchema,
    namespace: z.string().trim().optional(),
    roleKind: z.enum(roleKinds),
    roleName: rbacNameSchema,
    subjectKind: z.enum(subjectKinds),
    subjectName: singleLineText().trim().min(1, 'Enter the subject’s name.').max(1024, 'At most 1,024 characters.'),
    subjectNamespace: z.string().trim().optional(),
    duration: grantDurationSchema.optional(),
  })
  .superRefine((input, ctx) => {
    const checkNamespace = (value: string | undefined, path: string, what: string) => {
      if (!value) return ctx.addIssue({ code: 'custom', path: [path], message: `Enter the ${what}.` })
      const parsed = dns1123LabelSchema.safeParse(value)
      if (!parsed.success)
        ctx.addIssue({ code: 'custom', path: [path], message: parsed.error.issues[0]?.message ?? '' })
    }
    if (input.kind === 'RoleBinding') checkNamespace(input.namespace, 'namespace', 'namespace of the RoleBinding')
    if (input.kind === 'ClusterRoleBinding' && input.roleKind === 'Role') {
      ctx.addIssue({
        code: 'custom',
        path: ['roleKind'],
        message: 'A ClusterRoleBinding can only reference a ClusterRole.',
      })
    }
    if (input.subjectKind === 'ServiceAccount') {
      const name = dns1123Subdomain.safeParse(input.subjectName)
      if (!name.success) {
        ctx.addIssue({ code: 'custom', path: ['subjectName'], message: name.error.issues[0]?.message ?? '' })
      }
      // A RoleBinding's ServiceAccount subject defaults to the binding's namespace; kubectl asks for it explicitly.
      if (input.kind === 'ClusterRoleBinding' || input.subjectNamespace) {
        checkNamespace(input.subjectNamespace, 'subjectNamespace', 'service account’s namespace')
      }
    }
  })
export type CreateBindingRequest = z.input<typeof createBindingSchema>
export type CreateBindingInput = z.output<typeof createBindingSchema>

/** DELETE …/rbac/role-bindings/:namespace/:name and …/cluster-role-bindings/:name: the version the page showed. */
export const deleteBindingSchema = z.object({
  resourceVersion: singleLineText().trim().min(1, 'The binding’s resourceVersion is required.').max(64),
  uid: singleLineText().trim().max(64).optional(),
})
export type DeleteBindingInput = z.infer<typeof deleteBindingSchema>

/** The route params of one binding. */
export const roleBindingParamsSchema = z.object({ namespace: dns1123LabelSchema, name: rbacNameSchema })
export const clusterBindingParamsSchema = z.object({ name: rbacNameSchema })

/** The route params of one Role. */
export const roleParamsSchema = roleBindingParamsSchema
/** The route params of one ClusterRole. */
export const clusterRoleParamsSchema = clusterBindingParamsSchema

/** GET …/rbac/subjects/:kind/:name[?namespace=] (a ServiceAccount needs its namespace). */
export const subjectParamsSchema = z
  .object({
    kind: z.enum(subjectKinds),
    name: singleLineText().min(1).max(1024),
    namespace: dns1123LabelSchema.optional(),
  })
  .refine((s) => s.kind !== 'ServiceAccount' || s.namespace, {
    message: 'A ServiceAccount subject needs ?namespace=.',
    path: ['namespace'],
  })
