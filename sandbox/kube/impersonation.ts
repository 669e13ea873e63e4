// `kubectl --as/--as-group` sends Impersonate-* headers. kube-apiserver checks the `impersonate` verb on users,
// groups, serviceaccounts and uids, then serves the request as the impersonated user. On EKS the impersonated
// identity carries NO access-policy permissions (they belong to the real IAM caller; docs/access-entries.md#how-permissions-combine), only RBAC.
import type { IncomingHttpHeaders } from 'node:http'

import { buildForbiddenMessage, type Decision } from './authorize'
import { KubeError } from './kube-error'
import type { RequestAttributes, UserInfo } from './types'

function readHeaderList(headers: IncomingHttpHeaders, name: string): string[] {
  const v = headers[name]
  if (v === undefined) return []
  return (Array.isArray(v) ? v : [v])
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter((x) => x !== '')
}

/** The groups named in Impersonate-Group headers (each needs its own `impersonate` permission). */
export function readImpersonatedGroups(headers: IncomingHttpHeaders): string[] {
  return readHeaderList(headers, 'impersonate-group')
}

/** The identity asked for in Impersonate-* headers, or undefined when the request impersonates nobody. */
export function readImpersonation(headers: IncomingHttpHeaders): UserInfo | undefined {
  const username = readHeaderList(headers, 'impersonate-user')[0]
  const groups = readHeaderList(headers, 'impersonate-group')
  if (!username) {
    if (groups.length > 0) throw new KubeError('BadRequest', 'requested [] without impersonating a user')
    return undefined
  }
  const extra: Record<string, string[]> = {}
  for (const [key, value] of Object.entries(headers)) {
    if (!key.startsWith('impersonate-extra-') || value === undefined) continue
    extra[decodeURIComponent(key.slice('impersonate-extra-'.length))] = Array.isArray(value) ? value : [value]
  }
  const uid = readHeaderList(headers, 'impersonate-uid')[0]
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(username)
  // kube-apiserver adds the implicit groups of the impersonated user.
  const implicit = sa
    ? ['system:serviceaccounts', `system:serviceaccounts:${sa[1]}`, 'system:authenticated']
    : ['system:authenticated']
  const user: UserInfo = { username, groups: [...new Set([...groups, ...implicit])] }
  if (uid) user.uid = uid
  if (Object.keys(extra).length > 0) user.extra = extra
  return user
}

/** Authorizes every part of an impersonation for the requester; throws a Forbidden KubeError at the first denial. */
export function checkImpersonation(
  requester: UserInfo,
  target: UserInfo,
  decide: (attrs: RequestAttributes) => Decision,
  requestedGroups: string[],
): void {
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(target.username)
  const checks: RequestAttributes[] = [
    sa
      ? {
          kind: 'resource',
          verb: 'impersonate',
          apiGroup: '',
          resource: 'serviceaccounts',
          namespace: sa[1],
          name: sa[2],
        }
      : { kind: 'resource', verb: 'impersonate', apiGroup: '', resource: 'users', name: target.username },
    ...requestedGroups.map((g): RequestAttributes => ({
      kind: 'resource',
      verb: 'impersonate',
      apiGroup: '',
      resource: 'groups',
      name: g,
    })),
  ]
  if (target.uid)
    checks.push({
      kind: 'resource',
      verb: 'impersonate',
      apiGroup: 'authentication.k8s.io',
      resource: 'uids',
      name: target.uid,
    })
  for (const attrs of checks) {
    const d = decide(attrs)
    if (!d.allowed)
      throw new KubeError(
        'Forbidden',
        buildForbiddenMessage(requester.username, attrs, d.reason),
        attrs.kind === 'resource' ? { name: attrs.name, kind: attrs.resource } : undefined,
      )
  }
}
