// GET / POST / PUT / PATCH / DELETE on stored resources, with kube-apiserver's validation messages and
// optimistic concurrency (a stale metadata.resourceVersion is a 409 Conflict).
import { randomBytes } from 'node:crypto'

import { reconcileAggregatedClusterRoles } from './aggregation'
import { handleDeleteCollection } from './delete-collection'
import { convertCoreEventToEventsV1, convertEventsV1ToCoreEvent } from './events-conversion'
import type { HandlerResult, ResourceRequest } from './handler-types'
import { buildInvalid, buildNotFound, formatGroupResource, KubeError } from './kube-error'
import { handleList } from './list-handler'
import { applyWriteDefaults } from './object-defaults'
import { applyPatch, resolvePatchType } from './patch'
import { buildPodLog } from './pod-log'
import { buildStorageKey, formatApiVersion } from './resources'
import type { KubeObject } from './types'
import { startWatch } from './watch-handler'

const RBAC = 'rbac.authorization.k8s.io'

function presentObject(req: ResourceRequest, obj: KubeObject): KubeObject {
  return req.def.group === 'events.k8s.io' ? convertCoreEventToEventsV1(obj) : obj
}

function getExisting(req: ResourceRequest, name: string): KubeObject {
  const obj = req.store.get(req.def.storageKey, req.namespace, name)
  if (!obj) throw buildNotFound(req.def.group, req.def.resource, name)
  return obj
}

function requireNamespaceExists(req: ResourceRequest): void {
  if (!req.def.namespaced || !req.namespace) return
  if (!req.store.get(buildStorageKey('', 'namespaces'), undefined, req.namespace))
    throw buildNotFound('', 'namespaces', req.namespace)
}

/** Checks and normalizes a request body into an object of this resource at this URL. */
function readBodyObject(req: ResourceRequest, nameFromUrl?: string): KubeObject {
  const body = req.body as KubeObject | undefined
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new KubeError('BadRequest', 'the request body must be a JSON object')
  if (body.kind && body.kind !== req.def.kind)
    throw new KubeError(
      'BadRequest',
      `the API version in the data (${String(body.apiVersion)}) does not match the expected API version (${formatApiVersion(req.def)})`,
    )
  const metadata = { ...(body.metadata ?? {}) } as KubeObject['metadata']
  if (!metadata.name && typeof metadata.generateName === 'string' && !nameFromUrl)
    metadata.name = `${metadata.generateName}${randomBytes(3).toString('hex').slice(0, 5)}`
  if (!metadata.name)
    throw buildInvalid(
      req.def.group,
      req.def.kind,
      '',
      'metadata.name',
      'Required value: name or generateName is required',
    )
  if (nameFromUrl && metadata.name !== nameFromUrl)
    throw new KubeError(
      'BadRequest',
      `the name of the object (${metadata.name}) does not match the name on the URL (${nameFromUrl})`,
    )
  if (req.def.namespaced) {
    if (metadata.namespace && metadata.namespace !== req.namespace)
      throw new KubeError(
        'BadRequest',
        'the namespace of the provided object does not match the namespace sent on the request',
      )
    metadata.namespace = req.namespace
  } else delete metadata.namespace
  const obj: KubeObject = { ...body, apiVersion: formatApiVersion(req.def), kind: req.def.kind, metadata }
  return req.def.group === 'events.k8s.io' ? convertEventsV1ToCoreEvent(obj) : obj
}

function checkImmutableRoleRef(req: ResourceRequest, current: KubeObject, next: KubeObject): void {
  if (req.def.group !== RBAC || !req.def.resource.endsWith('bindings')) return
  if (JSON.stringify(current.roleRef) !== JSON.stringify(next.roleRef))
    throw buildInvalid(RBAC, req.def.kind, next.metadata.name, 'roleRef', 'Invalid value: cannot change roleRef')
}

function afterWrite(req: ResourceRequest): void {
  // The aggregation controller re-materializes admin/edit/view whenever a ClusterRole changes.
  if (req.def.group === RBAC && req.def.resource === 'clusterroles') reconcileAggregatedClusterRoles(req.store)
}

function isDryRun(req: ResourceRequest): boolean {
  return req.query.getAll('dryRun').includes('All')
}

function handleCreate(req: ResourceRequest): HandlerResult {
  requireNamespaceExists(req)
  const obj = applyWriteDefaults(req.def, readBodyObject(req))
  req.confirmWrite?.(obj, undefined)
  if (isDryRun(req)) return { status: 201, body: presentObject(req, obj) }
  const stored = req.store.create(req.def.storageKey, req.def, {
    ...obj,
    metadata: { ...obj.metadata, resourceVersion: undefined },
  })
  afterWrite(req)
  return { status: 201, body: presentObject(req, stored) }
}

function handleUpdate(req: ResourceRequest, name: string): HandlerResult {
  const current = getExisting(req, name)
  const obj = applyWriteDefaults(req.def, readBodyObject(req, name))
  checkImmutableRoleRef(req, current, obj)
  req.confirmWrite?.(obj, current)
  if (isDryRun(req)) return { status: 200, body: presentObject(req, obj) }
  const stored = req.store.update(req.def.storageKey, req.def, obj)
  afterWrite(req)
  return { status: 200, body: presentObject(req, stored) }
}

function handlePatch(req: ResourceRequest, name: string): HandlerResult {
  const type = resolvePatchType(req.headers['content-type'])
  const current = presentObject(req, getExisting(req, name))
  const patched = applyPatch(type, current, req.body) as KubeObject
  if (!patched || typeof patched !== 'object' || !patched.metadata)
    throw new KubeError('BadRequest', 'the patch removed the object metadata')
  // A resourceVersion in the patch is a precondition; without one the patch applies to whatever is current.
  const rv = patched.metadata.resourceVersion
  const next: KubeObject = {
    ...patched,
    metadata: { ...patched.metadata, name, namespace: current.metadata.namespace, resourceVersion: rv },
  }
  if (!req.def.namespaced) delete next.metadata.namespace
  const normalized = applyWriteDefaults(
    req.def,
    req.def.group === 'events.k8s.io' ? convertEventsV1ToCoreEvent(next) : next,
  )
  checkImmutableRoleRef(req, current, normalized)
  req.confirmWrite?.(normalized, current)
  if (isDryRun(req)) return { status: 200, body: presentObject(req, normalized) }
  const stored = req.store.update(req.def.storageKey, req.def, normalized)
  afterWrite(req)
  return { status: 200, body: presentObject(req, stored) }
}

/**
 * DeleteOptions.preconditions (uid, resourceVersion): the registry refuses the delete with 409 Conflict when the stored
 * object differs (apiserver registry/generic/registry/store.go Delete → storage.Preconditions.Check, turned into
 * NewConflict), so a client deletes exactly the object it read.
 */
function checkDeletePreconditions(req: ResourceRequest, existing: KubeObject, name: string): void {
  const body = req.body as { preconditions?: { uid?: string; resourceVersion?: string } } | undefined
  const pre = body && typeof body === 'object' ? body.preconditions : undefined
  if (!pre) return
  const meta = existing.metadata
  const failure =
    pre.uid && pre.uid !== meta.uid
      ? `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${String(meta.uid ?? '')}`
      : pre.resourceVersion && pre.resourceVersion !== meta.resourceVersion
        ? `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${String(meta.resourceVersion ?? '')}`
        : undefined
  if (!failure) return
  throw new KubeError(
    'Conflict',
    `Operation cannot be fulfilled on ${formatGroupResource(req.def.group, req.def.resource)} "${name}": ${failure}`,
    { name, group: req.def.group || undefined, kind: req.def.resource },
  )
}

function handleDelete(req: ResourceRequest, name: string): HandlerResult {
  const existing = getExisting(req, name)
  checkDeletePreconditions(req, existing, name)
  if (isDryRun(req)) return { status: 200, body: presentObject(req, existing) }
  if (req.def.resource === 'namespaces') req.store.deleteNamespaceContents(name)
  const removed = req.store.delete(req.def.storageKey, req.def, req.namespace, name)
  afterWrite(req)
  // Pods come back as the object (graceful deletion); most kinds answer with a Success Status.
  if (req.def.resource === 'pods' || req.def.resource === 'namespaces')
    return { status: 200, body: presentObject(req, removed) }
  return {
    status: 200,
    body: {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name, group: req.def.group || undefined, kind: req.def.resource, uid: removed.metadata.uid },
    },
  }
}

/** Routes a request for a stored resource by method. */
export function handleResourceRequest(req: ResourceRequest): HandlerResult {
  const { method, name, subresource } = req
  if (subresource) {
    if (req.def.resource === 'pods' && subresource === 'log' && method === 'GET' && name) {
      return { status: 200, body: buildPodLog(getExisting(req, name), req.query), contentType: 'text/plain' }
    }
    throw new KubeError('NotFound', 'the server could not find the requested resource')
  }
  if (method === 'GET' && ['1', 'true'].includes(req.query.get('watch') ?? '')) return startWatch(req)
  if (method === 'GET')
    return name ? { status: 200, body: presentObject(req, getExisting(req, name)) } : handleList(req)
  if (method === 'POST' && !name) return handleCreate(req)
  if (method === 'PUT' && name) return handleUpdate(req, name)
  if (method === 'PATCH' && name) return handlePatch(req, name)
  if (method === 'DELETE' && name) return handleDelete(req, name)
  if (method === 'DELETE') return handleDeleteCollection(req)
  throw new KubeError('MethodNotAllowed', `the server does not allow this method on the requested resource`)
}
