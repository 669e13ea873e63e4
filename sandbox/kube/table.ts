// Server-side printing: `kubectl get` asks for `application/json;as=Table;v=v1;g=meta.k8s.io`, and prints the
// Table's columns (kube-apiserver's pkg/printers/internalversion). Other clients get the plain object or list.
import type { HandlerResult } from './handler-types'
import type { ResourceDef } from './resources'
import { describeNodeRow, describePodRow } from './table-rows'
import { describeWorkloadRow } from './table-rows-workloads'
import type { KubeObject } from './types'

type Column = { name: string; type: string; format?: string; priority?: number; description?: string }

/** kube's duration.HumanDuration, as the AGE column shows it. */
export function formatHumanAge(timestamp: string | undefined, now = Date.now()): string {
  if (!timestamp) return '<unknown>'
  const s = Math.max(0, Math.floor((now - Date.parse(timestamp)) / 1000))
  if (s < 120) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 10) return `${m}m${s % 60 ? `${s % 60}s` : ''}`
  if (m < 180) return `${m}m`
  const h = Math.floor(m / 60)
  if (h < 8) return `${h}h${m % 60 ? `${m % 60}m` : ''}`
  if (h < 48) return `${h}h`
  const d = Math.floor(h / 24)
  if (d < 8) return h % 24 ? `${d}d${h % 24}h` : `${d}d`
  if (d < 365 * 2) return `${d}d`
  return d < 365 * 8 ? `${Math.floor(d / 365)}y${d % 365}d` : `${Math.floor(d / 365)}y`
}

const NAME: Column = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace.',
}
const AGE: Column = {
  name: 'Age',
  type: 'string',
  description: 'CreationTimestamp is a timestamp representing the server time when this object was created.',
}

function countKeys(v: unknown): number {
  return v && typeof v === 'object' ? Object.keys(v).length : 0
}

function describeRow(def: ResourceDef, o: KubeObject): { columns: Column[]; cells: unknown[] } {
  const age = formatHumanAge(o.metadata.creationTimestamp)
  const name = o.metadata.name
  switch (def.resource) {
    case 'pods':
      return describePodRow(o, NAME, AGE, age)
    case 'nodes':
      return describeNodeRow(o, NAME, AGE, age)
    case 'namespaces':
      return {
        columns: [NAME, { name: 'Status', type: 'string' }, AGE],
        cells: [name, (o.status as { phase?: string } | undefined)?.phase ?? 'Active', age],
      }
    case 'configmaps':
      return {
        columns: [NAME, { name: 'Data', type: 'integer' }, AGE],
        cells: [name, countKeys(o.data) + countKeys(o.binaryData), age],
      }
    case 'serviceaccounts':
      return {
        columns: [NAME, { name: 'Secrets', type: 'string' }, AGE],
        cells: [name, Array.isArray(o.secrets) ? o.secrets.length : 0, age],
      }
    case 'rolebindings':
    case 'clusterrolebindings': {
      const ref = (o.roleRef ?? { kind: '', name: '' }) as { kind: string; name: string }
      return { columns: [NAME, { name: 'Role', type: 'string' }, AGE], cells: [name, `${ref.kind}/${ref.name}`, age] }
    }
    case 'roles':
    case 'clusterroles':
      return {
        columns: [NAME, { name: 'Created At', type: 'string', format: 'date' }],
        cells: [name, o.metadata.creationTimestamp ?? ''],
      }
    case 'events': {
      const e = o as KubeObject & {
        type?: string
        reason?: string
        message?: string
        note?: string
        lastTimestamp?: string
        involvedObject?: { kind?: string; name?: string }
        regarding?: { kind?: string; name?: string }
      }
      const obj = e.involvedObject ?? e.regarding
      return {
        columns: [
          { name: 'Last Seen', type: 'string' },
          { name: 'Type', type: 'string' },
          { name: 'Reason', type: 'string' },
          { name: 'Object', type: 'string' },
          { name: 'Message', type: 'string' },
        ],
        cells: [
          formatHumanAge(e.lastTimestamp ?? o.metadata.creationTimestamp),
          e.type ?? '',
          e.reason ?? '',
          `${(obj?.kind ?? '').toLowerCase()}/${obj?.name ?? ''}`,
          e.message ?? e.note ?? '',
        ],
      }
    }
    default:
      return describeWorkloadRow(def.resource, o, NAME, AGE) ?? { columns: [NAME, AGE], cells: [name, age] }
  }
}

function wantsTable(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => part.includes('as=Table') && part.includes('g=meta.k8s.io'))
}

/** Wraps a successful get/list result into a meta.k8s.io Table when the client asked for one. */
export function buildTableIfRequested(
  result: HandlerResult,
  def: ResourceDef,
  accept: string | undefined,
): HandlerResult {
  if (result.status !== 200 || !wantsTable(accept) || typeof result.body !== 'object' || result.body === null)
    return result
  const body = result.body as { kind?: string; items?: KubeObject[]; metadata?: Record<string, unknown> }
  if (body.kind === 'Status') return result
  const isList = Array.isArray(body.items)
  const objects = isList ? (body.items ?? []) : [body as KubeObject]
  const version =
    (accept ?? '').includes('v=v1;') || (accept ?? '').includes('v=v1,') || (accept ?? '').endsWith('v=v1')
      ? 'v1'
      : 'v1beta1'
  let columns = describeRow(def, { metadata: { name: '' } }).columns
  const rows = objects.map((o) => {
    const row = describeRow(def, o)
    columns = row.columns
    return {
      cells: row.cells,
      object: { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: o.metadata },
    }
  })
  const metadata = isList ? body.metadata : { resourceVersion: (body as KubeObject).metadata.resourceVersion }
  return {
    status: 200,
    body: { kind: 'Table', apiVersion: `meta.k8s.io/${version}`, metadata, columnDefinitions: columns, rows },
  }
}
