// DELETE on a collection URL (`deletecollection`): removes every object the same request would LIST (namespace,
// label and field selectors) and answers with the list of what it deleted, as kube-apiserver's
// registry DeleteCollection does. Kinds without the verb (Namespaces) get 405.
import type { HandlerResult, ResourceRequest } from './handler-types'
import { KubeError } from './kube-error'
import { handleList } from './list-handler'
import type { KubeObject } from './types'

/** Serves `DELETE /…/<resource>` (no name). */
export function handleDeleteCollection(req: ResourceRequest): HandlerResult {
  if (!req.def.verbs.includes('deletecollection'))
    throw new KubeError('MethodNotAllowed', 'the server does not allow this method on the requested resource')
  const listed = handleList(req).body as { kind: string; apiVersion: string; items: KubeObject[] }
  const dryRun = req.query.getAll('dryRun').includes('All')
  const deleted = dryRun
    ? listed.items
    : listed.items.map((o) => req.store.delete(req.def.storageKey, req.def, o.metadata.namespace, o.metadata.name))
  return {
    status: 200,
    body: {
      kind: listed.kind,
      apiVersion: listed.apiVersion,
      metadata: { resourceVersion: req.store.resourceVersion },
      items: deleted.map(({ kind: _k, apiVersion: _a, ...item }) => item),
    },
  }
}
