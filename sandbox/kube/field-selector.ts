// Kubernetes field selectors: `field=value`, `field==value`, `field!=value`, comma-joined (AND). Each kind supports
// only the fields its registry registers (pods: spec.nodeName, status.phase, …); others are a 400, as upstream.
import { KubeError } from './kube-error'
import type { KubeObject } from './types'

export interface FieldRequirement {
  field: string
  negate: boolean
  value: string
}

const COMMON_FIELDS = ['metadata.name', 'metadata.namespace']

/** Fields kube-apiserver accepts per resource (pkg/registry/<kind>/strategy.go ToSelectableFields). */
const FIELDS_BY_RESOURCE: Record<string, string[]> = {
  pods: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  nodes: ['spec.unschedulable'],
  namespaces: ['status.phase'],
  events: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
}

/** Parses a field selector for a resource; unsupported fields throw 400 `field label not supported: <f>`. */
export function parseFieldSelector(selector: string, resource: string): FieldRequirement[] {
  const allowed = new Set([...COMMON_FIELDS, ...(FIELDS_BY_RESOURCE[resource] ?? [])])
  return selector
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((part) => {
      const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(part)
      if (!m) throw new KubeError('BadRequest', `invalid selector: '${selector}'; can't understand '${part}'`)
      const field = (m[1] ?? '').trim()
      if (!allowed.has(field)) throw new KubeError('BadRequest', `field label not supported: ${field}`)
      return { field, negate: m[2] === '!=', value: (m[3] ?? '').trim() }
    })
}

/** Reads a dotted path; booleans and missing values become strings the way the registries expose them. */
function readField(obj: KubeObject, field: string): string {
  if (field === 'source') {
    const source = (obj as { source?: { component?: string } }).source
    return source?.component ?? ''
  }
  let cur: unknown = obj
  for (const key of field.split('.')) {
    if (cur === null || typeof cur !== 'object') return ''
    cur = (cur as Record<string, unknown>)[key]
  }
  if (cur === undefined || cur === null)
    return field === 'spec.unschedulable' || field === 'spec.hostNetwork' ? 'false' : ''
  return String(cur)
}

/** Whether an object satisfies every field requirement. */
export function matchesFieldSelector(requirements: FieldRequirement[], obj: KubeObject): boolean {
  return requirements.every((r) => (readField(obj, r.field) === r.value) !== r.negate)
}

/** The value an equality requirement on `field` pins, if the selector has one. */
export function findPinnedField(requirements: FieldRequirement[], field: string): string | undefined {
  return requirements.find((r) => r.field === field && !r.negate)?.value
}

/** A `metadata.name=x` requirement pins a single object, letting list jump straight to it (and RBAC check it). */
export function findPinnedName(requirements: FieldRequirement[]): string | undefined {
  return findPinnedField(requirements, 'metadata.name')
}
