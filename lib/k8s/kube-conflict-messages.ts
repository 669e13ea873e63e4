import 'server-only'

// Kubernetes refusals whose raw text people misread, put in words: RBAC escalation prevention
// (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping),
// a failed DeleteOptions precondition, and AlreadyExists.

const ESCALATION = 'is attempting to grant RBAC permissions not currently held'

const listOf = (rule: string, field: string): string[] => {
  const match = new RegExp(`${field}:\\[([^\\]]*)\\]`).exec(rule)
  return match ? [...(match[1] ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1] || '""') : []
}

/**
 * The permissions an escalation refusal lists (`{APIGroups:[""], Resources:["secrets"], Verbs:["get" "list"]}`, one
 * rule a line, as rbac/validation.ConfirmNoEscalation prints them) as `get, list secrets`, or [] when none parse.
 */
export function listMissingPermissions(message: string): string[] {
  const after = message.slice(message.indexOf(ESCALATION) + ESCALATION.length)
  // `*` in words: "* * (*)" (cluster-admin's rules) says nothing to most readers.
  const every = (values: string[], what: string) => values.map((v) => (v === '*' ? `every ${what}` : v))
  return [...after.matchAll(/\{[^}]*\}/g)]
    .map(([rule]) => {
      const verbList = listOf(rule, 'Verbs')
      const groups = every(
        listOf(rule, 'APIGroups').filter((g) => g !== '""'),
        'API group',
      )
      const names = listOf(rule, 'ResourceNames')
      const targetList = [
        ...every(listOf(rule, 'Resources'), 'resource'),
        ...every(listOf(rule, 'NonResourceURLs'), 'non-resource URL'),
      ]
      const verbs = verbList.includes('*') ? 'every verb on' : verbList.join(', ')
      const group = groups.length ? ` (${groups.join(', ')})` : ''
      return `${verbs} ${targetList.join(', ')}${group}${names.length ? ` named ${names.join(', ')}` : ''}`.trim()
    })
    .filter(Boolean)
}

/** The escalation refusal in words, or undefined when the Forbidden is another one. */
export function describeEscalationRefusal(kubeMessage: string, cluster: string, verb = 'create'): string | undefined {
  if (!kubeMessage.includes(ESCALATION)) return undefined
  const missing = listMissingPermissions(kubeMessage)
  return (
    `Kubernetes refused to ${verb} this binding: the console's own identity on ${cluster} does not hold every ` +
    `permission the role grants${missing.length ? ` (missing: ${missing.join('; ')})` : ''}, and nobody may grant ` +
    `permissions they do not hold unless they are allowed to "bind" that role. Give the console's IAM principal those ` +
    `permissions (or the bind verb on the role), or have a cluster admin create this binding.`
  )
}

/** A 409 from a failed delete precondition, in words; undefined for other conflicts. */
export function describePreconditionConflict(kubeMessage: string, target: string): string | undefined {
  if (!kubeMessage.includes('Precondition failed')) return undefined
  return (
    `${target} changed since you loaded it, so nothing was deleted. Reload to see it as it is now, then delete again ` +
    `if you still mean to. (Kubernetes said: ${kubeMessage})`
  )
}

/** A 409 AlreadyExists, in words. */
export function describeAlreadyExists(target: string, where: string, cluster: string): string {
  return `${target} already exists${where} on ${cluster}; choose another name, or delete the existing one first.`
}
