// Parses a Kubernetes API path (after the per-cluster prefix) into what the router and the authorizer need:
// /api/v1/namespaces/{ns}/pods/{name}/log → group "", version v1, resource pods, name, subresource log.
import { KubeError } from './kube-error'

export type ParsedPath =
  | { kind: 'nonResource'; path: string }
  | {
      kind: 'resource'
      group: string
      version: string
      resource: string
      namespace?: string
      name?: string
      subresource?: string
    }

/** Splits a decoded request path into resource coordinates, or marks it non-resource (discovery, /version, …). */
export function parseKubePath(path: string): ParsedPath {
  const segments = path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decodeURIComponent(s))
  let rest: string[]
  let group: string
  let version: string
  if (segments[0] === 'api' && segments.length >= 3) {
    group = ''
    version = segments[1] ?? ''
    rest = segments.slice(2)
  } else if (segments[0] === 'apis' && segments.length >= 4) {
    group = segments[1] ?? ''
    version = segments[2] ?? ''
    rest = segments.slice(3)
  } else return { kind: 'nonResource', path: path === '' ? '/' : path }
  let namespace: string | undefined
  // `/namespaces/{ns}` alone is the Namespace object itself; `/namespaces/{ns}/{resource}…` scopes a namespaced kind.
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1]
    rest = rest.slice(2)
  }
  const [resource, name, subresource, ...extra] = rest
  if (!resource || extra.length > 0) throw new KubeError('NotFound', 'the server could not find the requested resource')
  return { kind: 'resource', group, version, resource, namespace, name, subresource }
}

/** Maps an HTTP method (and whether a name was given) to the Kubernetes verb the authorizer checks. */
export function resolveVerb(method: string, hasName: boolean, watch: boolean): string {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return watch ? 'watch' : hasName ? 'get' : 'list'
    case 'POST':
      return 'create'
    case 'PUT':
      return 'update'
    case 'PATCH':
      return 'patch'
    case 'DELETE':
      return hasName ? 'delete' : 'deletecollection'
    default:
      return method.toLowerCase()
  }
}
