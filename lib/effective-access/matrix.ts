// The permission matrix of one identity: verbs × resources × namespaces, each allowed cell with its grant paths
// (deduplicated into one table, cells point into it) and its risk tag.
import type { RequestAttributes } from '@/lib/access/rules'

import { explainNamedRequests, explainRequest, type AuthorizedIdentity, type PolicyRulesLookup } from './evaluate'
import type { GrantPath } from './grant-path'
import { listNonResourceURLs, NON_RESOURCE_VERBS } from './non-resource-rows'
import type { RbacIndex } from './rbac-index'
import { classifyRisk, type RiskTag } from './risk'

/** One row of resources the matrix asks about. `verbs` overrides the standard eight (e.g. impersonate). */
export type MatrixResource = {
  apiGroup: string
  resource: string
  subresource?: string
  namespaced: boolean
  verbs?: readonly string[]
}

export const MATRIX_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'] as const

const r = (
  apiGroup: string,
  resource: string,
  namespaced: boolean,
  more: Partial<MatrixResource> = {},
): MatrixResource => ({
  apiGroup,
  resource,
  namespaced,
  ...more,
})

/** The resources a platform team asks about first; the principal analysis lists every rule beyond these too. */
export const MATRIX_RESOURCES: readonly MatrixResource[] = [
  r('', 'pods', true),
  r('', 'pods', true, { subresource: 'log', verbs: ['get'] }),
  r('', 'pods', true, { subresource: 'exec', verbs: ['create'] }),
  r('', 'pods', true, { subresource: 'attach', verbs: ['create'] }),
  r('', 'pods', true, { subresource: 'portforward', verbs: ['create'] }),
  r('apps', 'deployments', true),
  r('apps', 'deployments', true, { subresource: 'scale', verbs: ['get', 'update', 'patch'] }),
  r('apps', 'statefulsets', true),
  r('apps', 'daemonsets', true),
  r('batch', 'jobs', true),
  r('batch', 'cronjobs', true),
  r('', 'services', true),
  r('', 'configmaps', true),
  r('', 'secrets', true),
  r('', 'serviceaccounts', true),
  r('', 'serviceaccounts', true, { subresource: 'token', verbs: ['create'] }),
  r('', 'serviceaccounts', true, { verbs: ['impersonate'] }),
  r('', 'persistentvolumeclaims', true),
  r('networking.k8s.io', 'ingresses', true),
  r('networking.k8s.io', 'networkpolicies', true),
  r('', 'events', true, { verbs: ['get', 'list', 'watch'] }),
  r('rbac.authorization.k8s.io', 'roles', true),
  r('rbac.authorization.k8s.io', 'roles', true, { verbs: ['bind', 'escalate'] }),
  r('rbac.authorization.k8s.io', 'rolebindings', true),
  r('', 'namespaces', false),
  r('', 'nodes', false),
  r('', 'nodes', false, { subresource: 'proxy', verbs: ['get', 'create'] }),
  r('', 'persistentvolumes', false),
  r('rbac.authorization.k8s.io', 'clusterroles', false),
  r('rbac.authorization.k8s.io', 'clusterroles', false, { verbs: ['bind', 'escalate'] }),
  r('rbac.authorization.k8s.io', 'clusterrolebindings', false),
  r('apiextensions.k8s.io', 'customresourcedefinitions', false),
  r('', 'users', false, { verbs: ['impersonate'] }),
  r('', 'groups', false, { verbs: ['impersonate'] }),
]

/** `pods/exec`, `deployments.apps/scale`. */
export function formatResource(res: Pick<MatrixResource, 'apiGroup' | 'resource' | 'subresource'>): string {
  const gr = res.apiGroup ? `${res.resource}.${res.apiGroup}` : res.resource
  return res.subresource ? `${gr}/${res.subresource}` : gr
}

/**
 * One allowed cell: namespace null = cluster-scoped resource, or a namespaced one in every namespace at once.
 * `names`: allowed only for requests naming one of these objects (rules with resourceNames); the paths are theirs.
 * A non-resource URL's cell has the URL as its resource.
 */
export type MatrixCell = {
  namespace: string | null
  resource: string
  verb: string
  pathIds: number[]
  risk?: RiskTag
  names?: string[]
}

/** A row of the matrix; `nonResource`: a non-resource URL (cluster-wide only, HTTP verbs). */
export type MatrixRow = { key: string; namespaced: boolean; verbs: string[]; nonResource?: true }

export type PermissionMatrix = {
  resources: MatrixRow[]
  namespaces: (string | null)[]
  paths: GrantPath[]
  cells: MatrixCell[]
}

/**
 * Asks every (namespace, resource, verb) of the matrix. `namespaces` are the rows besides the cluster-wide one; only
 * allowed cells are returned.
 */
export function buildPermissionMatrix(
  index: RbacIndex,
  identity: AuthorizedIdentity,
  namespaces: readonly string[],
  options: { resources?: readonly MatrixResource[]; policyRules?: PolicyRulesLookup } = {},
): PermissionMatrix {
  const resources = options.resources ?? MATRIX_RESOURCES
  const paths: GrantPath[] = []
  const pathIds = new Map<string, number>()
  const idOf = (path: GrantPath) => {
    let id = pathIds.get(path.text)
    if (id === undefined) {
      id = paths.length
      paths.push(path)
      pathIds.set(path.text, id)
    }
    return id
  }
  const cells: MatrixCell[] = []
  const rows: (string | null)[] = [null, ...namespaces]
  for (const namespace of rows) {
    for (const res of resources) {
      if (namespace !== null && !res.namespaced) continue
      for (const verb of res.verbs ?? MATRIX_VERBS) {
        const attrs: RequestAttributes = {
          verb,
          apiGroup: res.apiGroup,
          resource: res.resource,
          ...(res.subresource ? { subresource: res.subresource } : {}),
          ...(namespace ? { namespace } : {}),
        }
        const found = explainRequest(index, identity, attrs, { policyRules: options.policyRules })
        const named =
          found.length > 0 ? [] : explainNamedRequests(index, identity, attrs, { policyRules: options.policyRules })
        if (found.length === 0 && named.length === 0) continue
        const risk = classifyRisk(attrs)
        cells.push({
          namespace,
          resource: formatResource(res),
          verb,
          pathIds: found.length > 0 ? found.map(idOf) : [...new Set(named.flatMap((n) => n.paths.map(idOf)))],
          ...(risk ? { risk } : {}),
          ...(named.length > 0 ? { names: named.map((n) => n.name) } : {}),
        })
      }
    }
  }
  const urls = listNonResourceURLs(index, identity, options.policyRules)
  for (const url of urls) {
    for (const verb of NON_RESOURCE_VERBS) {
      const attrs = { verb, apiGroup: '', resource: '', nonResourceURL: url }
      const found = explainRequest(index, identity, attrs, { policyRules: options.policyRules })
      if (found.length > 0) cells.push({ namespace: null, resource: url, verb, pathIds: found.map(idOf) })
    }
  }
  // Rows that share a resource (serviceaccounts with the standard verbs and with impersonate) are one column group.
  const columns = new Map<string, MatrixRow>()
  for (const res of resources) {
    const key = formatResource(res)
    const column = columns.get(key) ?? { key, namespaced: res.namespaced, verbs: [] }
    for (const verb of res.verbs ?? MATRIX_VERBS) if (!column.verbs.includes(verb)) column.verbs.push(verb)
    columns.set(key, column)
  }
  for (const url of urls)
    columns.set(url, { key: url, namespaced: false, verbs: [...NON_RESOURCE_VERBS], nonResource: true })
  return {
    resources: [...columns.values()],
    namespaces: rows,
    paths,
    cells,
  }
}
