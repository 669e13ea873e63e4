// What kube-apiserver does to an object on every write before storing it, for the kinds where a client can see the
// difference: a Secret's write-only `stringData` is merged into `data` (base64) and dropped, and `type` defaults to
// Opaque (https://kubernetes.io/docs/concepts/configuration/secret/).
import type { ResourceDef } from './resources'
import type { KubeObject } from './types'

/** Returns the object as the API server would store it. */
export function applyWriteDefaults(def: ResourceDef, obj: KubeObject): KubeObject {
  if (def.group !== '' || def.resource !== 'secrets') return obj
  const { stringData, ...rest } = obj as KubeObject & { stringData?: Record<string, string> }
  const data = { ...((rest.data as Record<string, string> | undefined) ?? {}) }
  for (const [k, v] of Object.entries(stringData ?? {})) data[k] = Buffer.from(v, 'utf8').toString('base64')
  return { ...rest, type: rest.type || 'Opaque', ...(Object.keys(data).length > 0 ? { data } : {}) }
}
