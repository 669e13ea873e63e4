// Field-level checks for access entries, with the rules EKS enforces (EKS user guide, "Create access entries";
// docs/access-entries.md#username-and-group-rules). Messages are written for the person filling in the console's form.
import { z } from 'zod'

import { singleLineText } from '@/lib/validation/text-fields'

/** Username prefixes EKS reserves for itself and Kubernetes ("The username must not begin with system:"). */
export const reservedUsernamePrefixes = ['system:', 'eks:', 'aws:', 'amazon:', 'iam:'] as const

/** Reports why a custom username is invalid, or undefined when EKS would accept it. */
export function findUsernameProblem(username: string): string | undefined {
  const lower = username.toLowerCase()
  const reserved = reservedUsernamePrefixes.find((prefix) => lower.startsWith(prefix))
  if (reserved) {
    return `Usernames may not start with ${reserved} — EKS reserves that prefix. Leave the username empty to get the default, or pick another name.`
  }
  const session = username.indexOf('{{SessionName}}')
  // EKS requires a ':' before {{SessionName}} so a session name can never forge another user's name.
  if (session !== -1 && !username.slice(0, session).includes(':')) {
    return 'Put a colon somewhere before {{SessionName}} (for example team-a:{{SessionName}}) — EKS requires it.'
  }
  if (/\s/.test(username)) return 'Usernames may not contain spaces or line breaks.'
  return undefined
}

/** A custom Kubernetes username for a STANDARD entry. */
export const usernameSchema = singleLineText()
  .trim()
  .min(1, { error: 'Enter a username, or leave the field out to get the default.' })
  .max(255, { error: 'Usernames are limited to 255 characters here.' })
  .superRefine((value, ctx) => {
    const problem = findUsernameProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

/** Reports why a Kubernetes group name is invalid, or undefined when EKS would accept it. */
export function findGroupProblem(group: string): string | undefined {
  if (group.toLowerCase().startsWith('system:')) {
    return `Kubernetes groups may not start with system: — EKS reserves them. To grant cluster admin, associate AmazonEKSClusterAdminPolicy instead.`
  }
  // Group names are free-form strings in Kubernetes, but whitespace and control characters only cause
  // RoleBinding subjects that silently never match.
  if (/[\s\p{Cc}]/u.test(group))
    return `The group "${group}" contains spaces or control characters; Kubernetes group names should not.`
  return undefined
}

/** Kubernetes groups for a STANDARD entry; the whole list replaces the old one on update (UpdateAccessEntry). */
export const kubernetesGroupsSchema = z
  .array(
    singleLineText()
      .trim()
      .min(1, { error: 'Group names cannot be empty.' })
      .max(255, { error: 'Group names are limited to 255 characters here.' })
      .superRefine((value, ctx) => {
        const problem = findGroupProblem(value)
        if (problem) ctx.addIssue({ code: 'custom', message: problem })
      }),
  )
  .max(100, { error: 'An entry can list at most 100 groups in this console.' })
  .superRefine((groups, ctx) => {
    const seen = new Set<string>()
    groups.forEach((group, index) => {
      if (seen.has(group))
        ctx.addIssue({ code: 'custom', path: [index], message: `The group ${group} is listed twice.` })
      seen.add(group)
    })
  })

const RFC1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

/** Reports why an access-scope namespace (optionally with `*` wildcards, e.g. `dev-*`) is invalid. */
export function findNamespacePatternProblem(pattern: string): string | undefined {
  if (pattern.length === 0) return 'Namespace names cannot be empty.'
  if (pattern.length > 63) return `"${pattern}" is longer than 63 characters, the Kubernetes limit for namespace names.`
  // EKS accepts `*` wildcards in scope namespaces; check the rest as an RFC 1123 label by standing in a letter.
  if (!RFC1123_LABEL.test(pattern.replaceAll('*', 'a'))) {
    return `"${pattern}" is not a valid namespace: use lowercase letters, digits and '-', starting and ending with a letter or digit (a * wildcard is allowed, e.g. dev-*).`
  }
  return undefined
}
