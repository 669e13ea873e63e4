// Table rows for Secrets and the apps/batch kinds, with the columns `kubectl get` shows for them
// (kubernetes/pkg/printers/internalversion/printers.go). Nothing runs in the sandbox, so status counts are whatever
// the stored status says (0 when none was written).
import { formatHumanAge } from './table'
import type { KubeObject } from './types'

type Column = { name: string; type: string; format?: string; priority?: number; description?: string }
type Row = { columns: Column[]; cells: unknown[] }

const col = (name: string, type = 'string'): Column => ({ name, type })
const num = (v: unknown): number => (typeof v === 'number' ? v : 0)

/** The row of a Secret or workload, or undefined for other resources. */
export function describeWorkloadRow(resource: string, o: KubeObject, name: Column, age: Column): Row | undefined {
  const ageCell = formatHumanAge(o.metadata.creationTimestamp)
  const spec = (o.spec ?? {}) as Record<string, unknown>
  const status = (o.status ?? {}) as Record<string, unknown>
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1
  const n = o.metadata.name
  switch (resource) {
    case 'secrets': {
      const data = Object.keys((o.data as object | undefined) ?? {}).length
      return {
        columns: [name, col('Type'), col('Data', 'integer'), age],
        cells: [n, o.type ?? 'Opaque', data, ageCell],
      }
    }
    case 'deployments':
      return {
        columns: [name, col('Ready'), col('Up-to-date', 'integer'), col('Available', 'integer'), age],
        cells: [
          n,
          `${num(status.readyReplicas)}/${replicas}`,
          num(status.updatedReplicas),
          num(status.availableReplicas),
          ageCell,
        ],
      }
    case 'replicasets':
      return {
        columns: [name, col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), age],
        cells: [n, replicas, num(status.replicas), num(status.readyReplicas), ageCell],
      }
    case 'statefulsets':
      return { columns: [name, col('Ready'), age], cells: [n, `${num(status.readyReplicas)}/${replicas}`, ageCell] }
    case 'daemonsets':
      return {
        columns: [name, col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), age],
        cells: [
          n,
          num(status.desiredNumberScheduled),
          num(status.currentNumberScheduled),
          num(status.numberReady),
          ageCell,
        ],
      }
    case 'jobs':
      return {
        columns: [name, col('Completions'), age],
        cells: [n, `${num(status.succeeded)}/${typeof spec.completions === 'number' ? spec.completions : 1}`, ageCell],
      }
    case 'cronjobs':
      return {
        columns: [name, col('Schedule'), col('Suspend', 'boolean'), col('Active', 'integer'), age],
        cells: [
          n,
          spec.schedule ?? '',
          spec.suspend === true ? 'True' : 'False',
          Array.isArray(status.active) ? status.active.length : 0,
          ageCell,
        ],
      }
    default:
      return undefined
  }
}
