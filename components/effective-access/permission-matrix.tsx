'use client'

import { useMemo, useState } from 'react'

import { Panel } from '@/components/ui/panel'
import type { PermissionMatrixDto } from '@/lib/effective-access/effective-access-dto'
import { riskDescriptions, type RiskTag } from '@/lib/effective-access/risk'

import { describeNames, MatrixGrid, type MatrixCellDto } from './matrix-grid'
import { PathList } from './path-list'

type Cell = MatrixCellDto
const CLUSTER = '(cluster-wide)'

/**
 * The permission matrix for one row of namespaces at a time (cluster-wide, or one namespace): resources down, verbs
 * across. An allowed cell is a button that shows its paths; risky cells are red and say why.
 */
export function PermissionMatrix({
  matrix,
  namespacesShown,
  namespacesTotal,
}: {
  matrix: PermissionMatrixDto
  namespacesShown: number
  namespacesTotal: number
}) {
  const [namespace, setNamespace] = useState<string>(CLUSTER)
  const [selected, setSelected] = useState<Cell | null>(null)
  const ns = namespace === CLUSTER ? null : namespace
  const cells = useMemo(() => {
    const map = new Map<string, Cell>()
    for (const c of matrix.cells) if (c.namespace === ns) map.set(`${c.resource} ${c.verb}`, c)
    return map
  }, [matrix.cells, ns])
  const resources = matrix.resources.filter((r) => !r.nonResource && (ns === null || r.namespaced))
  const urls = matrix.resources.filter((r) => r.nonResource)
  const risky = [...new Set([...cells.values()].map((c) => c.risk).filter((r): r is RiskTag => r !== undefined))]
  return (
    <Panel
      title="Permission matrix"
      description={`Cluster-wide and ${namespacesShown} of ${namespacesTotal} namespaces. Select an allowed cell to see why.`}
    >
      <label className="mb-3 flex items-center gap-2 text-sm">
        <span className="font-medium">Namespace</span>
        <select
          value={namespace}
          onChange={(e) => {
            setNamespace(e.target.value)
            setSelected(null)
          }}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
        >
          {matrix.namespaces.map((n) => (
            <option key={n ?? CLUSTER} value={n ?? CLUSTER}>
              {n ?? 'Cluster-wide (and every namespace at once)'}
            </option>
          ))}
        </select>
      </label>
      <MatrixGrid
        caption={`Permissions ${ns ? `in namespace ${ns}` : 'cluster-wide'}`}
        rowLabel="Resource"
        rows={resources}
        cells={cells}
        selected={selected}
        onSelect={setSelected}
      />
      {ns === null && urls.length > 0 ? (
        <div className="mt-4 space-y-2">
          <h3 className="text-sm font-medium">Non-resource URLs</h3>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            Cluster-wide only: ClusterRoleBindings and cluster-scoped access policies grant them. A URL ending in *
            covers every path under it.
          </p>
          <MatrixGrid
            caption="Non-resource URLs, cluster-wide"
            rowLabel="URL"
            rows={urls}
            cells={cells}
            selected={selected}
            onSelect={setSelected}
          />
        </div>
      ) : null}
      {selected ? (
        <div className="mt-4 space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" aria-live="polite">
          <p className="text-sm font-medium">
            {selected.verb} {selected.resource} {selected.namespace ? `in ${selected.namespace}` : 'cluster-wide'}
            {selected.names ? `: ${describeNames(selected.names)}` : ''}
          </p>
          {selected.names ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Allowed only for requests that name {selected.names.join(', ')} (the rules list resourceNames); the same
              request without a name, or for another object, is refused.
            </p>
          ) : null}
          <PathList
            label="Why it is allowed"
            paths={selected.pathIds.map((id) => matrix.paths[id]).filter((p) => p !== undefined)}
          />
          {selected.risk ? (
            <p className="text-sm text-red-700 dark:text-red-300">{riskDescriptions[selected.risk]}</p>
          ) : null}
        </div>
      ) : null}
      {risky.length > 0 ? (
        <ul
          aria-label="Risky permissions here"
          className="mt-4 list-disc space-y-1 pl-5 text-sm text-red-700 dark:text-red-300"
        >
          {risky.map((r) => (
            <li key={r}>{riskDescriptions[r]}</li>
          ))}
        </ul>
      ) : null}
    </Panel>
  )
}
