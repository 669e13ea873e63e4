// What the router hands each handler, and what handlers return.
import type { ServerResponse } from 'node:http'

import type { ClusterStore } from './cluster-store'
import type { ResourceDef } from './resources'
import type { KubeObject, UserInfo } from './types'

export interface ResourceRequest {
  method: string
  def: ResourceDef
  namespace?: string
  name?: string
  subresource?: string
  query: URLSearchParams
  headers: Record<string, string | undefined>
  /** The parsed JSON body (undefined for GET/DELETE or an empty body). */
  body: unknown
  store: ClusterStore
  user: UserInfo
  /** Checks an object about to be written (RBAC escalation prevention); throws to refuse it, dry run included. */
  confirmWrite?(next: KubeObject, current: KubeObject | undefined): void
}

export interface HandlerResult {
  status: number
  body: unknown
  /** Defaults to application/json. */
  contentType?: string
  /** A streamed answer (watch): the server hands it the response instead of writing `body`. */
  stream?(res: ServerResponse): void
}
