// From a Kubernetes username back to the IAM principal behind it, for "why Forbidden?" pasted messages: a session ARN
// names its role; otherwise the username is matched against every entry's and mapping's username template.
import { canonicalizeAssumedRole, parseArn } from '@/lib/access/arn'
import { defaultUsername } from '@/lib/access/default-username'

import { stripIamPath, type AuthIndex } from './identity'

/** A principal whose username template renders to the username, with the session name read from it when there is one. */
export type UsernameMatch = {
  principalArn: string
  sessionName?: string
  via: 'access-entry' | 'aws-auth' | 'session-arn'
}

function templateMatch(template: string, username: string): { sessionName?: string } | undefined {
  if (!template.includes('{{')) return template === username ? {} : undefined
  const names: string[] = []
  const pattern = template
    .split(/(\{\{[A-Za-z0-9]+\}\})/)
    .map((part) => {
      const v = /^\{\{([A-Za-z0-9]+)\}\}$/.exec(part)
      if (!v) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      names.push(v[1] ?? '')
      return '(.+)'
    })
    .join('')
  const m = new RegExp(`^${pattern}$`).exec(username)
  if (!m) return undefined
  const at = names.findIndex((n) => n === 'SessionName' || n === 'SessionNameRaw')
  return at === -1 ? {} : { sessionName: m[at + 1] }
}

/** Every principal the username can belong to in this cluster (usually one). */
export function findPrincipalsByUsername(auth: AuthIndex, username: string): UsernameMatch[] {
  const parsed = parseArn(username)
  if (parsed?.service === 'sts' && parsed.resourceType === 'assumed-role') {
    const role = canonicalizeAssumedRole(username)
    // The entry may carry the role's path: prefer its ARN.
    const entry = auth.entryByPrincipal.get(stripIamPath(role))
    return [{ principalArn: entry?.principalArn ?? role, sessionName: parsed.sessionName, via: 'session-arn' }]
  }
  if (parsed?.service === 'iam' && parsed.resourceType === 'user') {
    const entry = auth.entryByPrincipal.get(stripIamPath(username))
    return [{ principalArn: entry?.principalArn ?? username, via: 'session-arn' }]
  }
  const out: UsernameMatch[] = []
  const mode = auth.facts.authenticationMode
  if (mode !== 'CONFIG_MAP') {
    for (const e of auth.facts.accessEntries) {
      const template = e.username || defaultUsername(e.principalArn, e.type) || e.principalArn
      const m = templateMatch(template, username)
      if (m) out.push({ principalArn: e.principalArn, ...m, via: 'access-entry' })
    }
  }
  if (mode !== 'API') {
    for (const row of auth.mappingByArn.values()) {
      const m = row.mapping.username ? templateMatch(row.mapping.username, username) : undefined
      if (m) out.push({ principalArn: row.ref.arn, ...m, via: 'aws-auth' })
    }
  }
  return out
}
