// Reads kube-apiserver's Forbidden message back into request attributes. The format is
// k8s.io/apiserver/pkg/endpoints/handlers/responsewriters.forbiddenMessage (kubectl prints it after
// `Error from server (Forbidden): `):
//   pods "web-1" is forbidden: User "jane" cannot get resource "pods/exec" in API group "" in the namespace "team-a"
//   nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope
//   forbidden: User "jane" cannot get path "/metrics"
import type { RequestAttributes } from '@/lib/access/rules'

/** The request a Forbidden message describes, and who was refused. */
export type ForbiddenRequest = { username: string; attrs: RequestAttributes }

// Go's %q: a double-quoted string with backslash escapes.
const Q = '"((?:[^"\\\\]|\\\\.)*)"'
const RESOURCE = new RegExp(
  `(?:(\\S+?)(?: ${Q})? is forbidden: )?User ${Q} cannot (\\S+) resource ${Q} in API group ${Q} (?:in the namespace ${Q}|at the cluster scope)`,
)
const PATH = new RegExp(`User ${Q} cannot (\\S+) path ${Q}`)

const unquote = (s: string | undefined) => (s ?? '').replace(/\\(.)/g, '$1')

/** Parses a pasted kubectl / API error; undefined when it is not a Forbidden message. Extra text around it is ignored. */
export function parseForbiddenMessage(text: string): ForbiddenRequest | undefined {
  const oneLine = text.replace(/\s+/g, ' ')
  const m = RESOURCE.exec(oneLine)
  if (m) {
    const [, , name, username, verb = '', combined = '', apiGroup, namespace] = m
    const slash = combined.indexOf('/')
    const resource = slash === -1 ? combined : combined.slice(0, slash)
    const subresource = slash === -1 ? undefined : combined.slice(slash + 1)
    return {
      username: unquote(username),
      attrs: {
        verb,
        apiGroup: unquote(apiGroup),
        resource: unquote(resource),
        ...(subresource ? { subresource: unquote(subresource) } : {}),
        ...(name !== undefined ? { name: unquote(name) } : {}),
        ...(namespace !== undefined ? { namespace: unquote(namespace) } : {}),
      },
    }
  }
  const p = PATH.exec(oneLine)
  if (p)
    return {
      username: unquote(p[1]),
      attrs: { verb: p[2] ?? '', apiGroup: '', resource: '', nonResourceURL: unquote(p[3]) },
    }
  return undefined
}
