// Non-resource paths: discovery, /version and the health endpoints. Everything else is a 404.
import type { ClusterStore } from './cluster-store'
import {
  buildApiGroup,
  buildApiGroupList,
  buildApiResourceList,
  buildCoreApiVersions,
  buildVersionInfo,
} from './discovery'
import type { HandlerResult } from './handler-types'
import { KubeError } from './kube-error'
import { buildOpenApiV3GroupVersion, buildOpenApiV3Root } from './openapi'

/** Serves a GET on a non-resource path of one cluster. */
export function serveNonResource(path: string, store: ClusterStore): HandlerResult {
  const p = path.replace(/\/+$/, '') || '/'
  if (p === '/version') return { status: 200, body: buildVersionInfo(store.serverVersion) }
  if (p === '/healthz' || p === '/livez' || p === '/readyz')
    return { status: 200, body: 'ok', contentType: 'text/plain; charset=utf-8' }
  if (p === '/openapi/v3') return { status: 200, body: buildOpenApiV3Root(store.serverVersion) }
  const openapi = /^\/openapi\/v3\/(.+)$/.exec(p)
  if (openapi) {
    const doc = buildOpenApiV3GroupVersion(openapi[1] ?? '', store.serverVersion)
    if (doc) return { status: 200, body: doc }
  }
  if (p === '/api') return { status: 200, body: buildCoreApiVersions() }
  if (p === '/apis') return { status: 200, body: buildApiGroupList() }
  const core = /^\/api\/([^/]+)$/.exec(p)
  if (core) {
    const list = buildApiResourceList('', core[1] ?? '')
    if (list) return { status: 200, body: list }
  }
  const group = /^\/apis\/([^/]+)$/.exec(p)
  if (group) {
    const g = buildApiGroup(group[1] ?? '')
    if (g) return { status: 200, body: g }
  }
  const gv = /^\/apis\/([^/]+)\/([^/]+)$/.exec(p)
  if (gv) {
    const list = buildApiResourceList(gv[1] ?? '', gv[2] ?? '')
    if (list) return { status: 200, body: list }
  }
  throw new KubeError('NotFound', 'the server could not find the requested resource')
}
