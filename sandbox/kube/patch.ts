// The three patch formats kube-apiserver accepts: JSON merge patch (RFC 7386), strategic merge patch (Kubernetes'
// own: lists of objects merge by a per-field key, `$patch` directives) and JSON patch (RFC 6902).
import { KubeError } from './kube-error'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** RFC 7386: objects merge recursively, `null` deletes, anything else (arrays included) replaces. */
export function applyMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch
  const result: JsonObject = isObject(target) ? { ...target } : {}
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key]
    else result[key] = applyMergePatch(result[key] ?? null, value)
  }
  return result
}

/**
 * The `patchMergeKey` of list fields in the core/v1 and meta/v1 Go types (`patchStrategy:"merge"`). A field absent here
 * is replaced wholesale, as upstream does for lists without a strategy (e.g. RBAC `subjects`, `rules`).
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  secrets: 'name',
  ownerReferences: 'uid',
  conditions: 'type',
}
/** Primitive lists with `patchStrategy:"merge"`: union, order kept. */
const MERGED_PRIMITIVE_LISTS = new Set(['finalizers'])

function mergeObjectList(field: string, target: Json[], patch: Json[]): Json[] {
  const key = MERGE_KEYS[field]!
  const result = target.map((x) => x)
  for (const item of patch) {
    if (!isObject(item)) throw new KubeError('BadRequest', `strategic merge patch: list ${field} must hold objects`)
    const directive = item.$patch
    const idx = result.findIndex((t) => isObject(t) && t[key] === item[key])
    if (directive === 'delete') {
      if (idx >= 0) result.splice(idx, 1)
    } else if (idx >= 0) result[idx] = applyStrategicMergePatch(result[idx] ?? null, item)
    else result.push(applyStrategicMergePatch(null, item))
  }
  return result
}

/** Kubernetes strategic merge patch, for the fields this sandbox serves; `$setElementOrder` hints are accepted and ignored. */
export function applyStrategicMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch
  if (patch.$patch === 'replace') {
    const { $patch: _drop, ...rest } = patch
    return stripDirectives(rest)
  }
  if (patch.$patch === 'delete') return null
  const result: JsonObject = isObject(target) ? { ...target } : {}
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key.startsWith('$setElementOrder/') || key === '$retainKeys') continue
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length)
      const current = result[field]
      if (Array.isArray(current) && Array.isArray(value)) result[field] = current.filter((x) => !value.includes(x))
      continue
    }
    const current = result[key]
    if (value === null) delete result[key]
    else if (Array.isArray(value) && MERGE_KEYS[key] && Array.isArray(current))
      result[key] = mergeObjectList(key, current, value)
    else if (Array.isArray(value) && MERGED_PRIMITIVE_LISTS.has(key) && Array.isArray(current))
      result[key] = [...current, ...value.filter((x) => !current.includes(x))]
    else if (isObject(value)) result[key] = applyStrategicMergePatch(current ?? null, value)
    else result[key] = Array.isArray(value) ? value.map((v) => stripDirectives(v)) : value
  }
  return result
}

function stripDirectives(v: Json): Json {
  if (Array.isArray(v)) return v.filter((x) => !(isObject(x) && x.$patch === 'delete')).map(stripDirectives)
  if (!isObject(v)) return v
  const out: JsonObject = {}
  for (const [k, x] of Object.entries(v)) if (!k.startsWith('$')) out[k] = stripDirectives(x)
  return out
}

interface JsonPatchOp {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test'
  path: string
  from?: string
  value?: Json
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) throw new KubeError('BadRequest', `invalid JSON pointer: ${pointer}`)
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function resolveParent(doc: Json, tokens: string[]): { parent: Json; last: string } {
  let cur = doc
  for (const t of tokens.slice(0, -1)) {
    const next = Array.isArray(cur) ? cur[Number(t)] : isObject(cur) ? cur[t] : undefined
    if (next === undefined) throw new KubeError('Invalid', `JSON patch: path /${tokens.join('/')} does not exist`)
    cur = next
  }
  return { parent: cur, last: tokens[tokens.length - 1] ?? '' }
}

function readPointer(doc: Json, pointer: string): Json {
  const tokens = parsePointer(pointer)
  if (tokens.length === 0) return doc
  const { parent, last } = resolveParent(doc, tokens)
  const v = Array.isArray(parent) ? parent[Number(last)] : isObject(parent) ? parent[last] : undefined
  if (v === undefined) throw new KubeError('Invalid', `JSON patch: path ${pointer} does not exist`)
  return v
}

function writePointer(doc: Json, pointer: string, value: Json, mode: 'add' | 'replace' | 'remove'): Json {
  const tokens = parsePointer(pointer)
  if (tokens.length === 0) return mode === 'remove' ? null : value
  const { parent, last } = resolveParent(doc, tokens)
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last)
    if (!Number.isInteger(i) || i < 0 || i > parent.length || (mode !== 'add' && i >= parent.length))
      throw new KubeError('Invalid', `JSON patch: index ${last} out of range at ${pointer}`)
    if (mode === 'add') parent.splice(i, 0, value)
    else if (mode === 'replace') parent[i] = value
    else parent.splice(i, 1)
  } else if (isObject(parent)) {
    if (mode !== 'add' && !(last in parent))
      throw new KubeError('Invalid', `JSON patch: path ${pointer} does not exist`)
    if (mode === 'remove') delete parent[last]
    else parent[last] = value
  } else throw new KubeError('Invalid', `JSON patch: cannot write into a scalar at ${pointer}`)
  return doc
}

/** RFC 6902 JSON patch; a failed `test` is 422 Invalid, as kube-apiserver reports it. */
export function applyJsonPatch(target: Json, ops: unknown): Json {
  if (!Array.isArray(ops)) throw new KubeError('BadRequest', 'JSON patch must be an array of operations')
  let doc: Json = structuredClone(target)
  for (const raw of ops as JsonPatchOp[]) {
    switch (raw.op) {
      case 'add':
      case 'replace':
        doc = writePointer(doc, raw.path, structuredClone(raw.value ?? null), raw.op)
        break
      case 'remove':
        doc = writePointer(doc, raw.path, null, 'remove')
        break
      case 'copy':
        doc = writePointer(doc, raw.path, structuredClone(readPointer(doc, raw.from ?? '')), 'add')
        break
      case 'move': {
        const value = readPointer(doc, raw.from ?? '')
        doc = writePointer(doc, raw.from ?? '', null, 'remove')
        doc = writePointer(doc, raw.path, value, 'add')
        break
      }
      case 'test':
        if (JSON.stringify(readPointer(doc, raw.path)) !== JSON.stringify(raw.value ?? null))
          throw new KubeError('Invalid', `JSON patch: test failed at ${raw.path}`)
        break
      default:
        throw new KubeError('BadRequest', `JSON patch: unknown op ${String((raw as { op?: unknown }).op)}`)
    }
  }
  return doc
}

export type PatchType = 'merge' | 'strategic' | 'json'

/** Maps a PATCH Content-Type to a patch format; apply-patch (server-side apply) is not served → 415. */
export function resolvePatchType(contentType: string | undefined): PatchType {
  const ct = (contentType ?? '').split(';')[0]?.trim().toLowerCase()
  if (ct === 'application/merge-patch+json') return 'merge'
  if (ct === 'application/strategic-merge-patch+json') return 'strategic'
  if (ct === 'application/json-patch+json') return 'json'
  throw new KubeError(
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json`,
  )
}

/** Applies a patch body of the given format to a JSON document. */
export function applyPatch(type: PatchType, target: unknown, patch: unknown): unknown {
  if (type === 'json') return applyJsonPatch(target as Json, patch)
  if (!isObject(patch)) throw new KubeError('BadRequest', 'patch body must be a JSON object')
  return type === 'merge' ? applyMergePatch(target as Json, patch) : applyStrategicMergePatch(target as Json, patch)
}
