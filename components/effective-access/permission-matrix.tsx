'use client'

import { useMemo, useState } from 'react'

import { Panel } from '@/components/ui/panel'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import { cn } from '@/lib/cn'
import type { PermissionMatrixDto } from '@/lib/effective-access/effective-access-dto'
import { riskDescriptions, type RiskTag } from '@/lib/effective-access/risk'

import { PathList } from './path-list'

type Cell = PermissionMatrixDto['cells'][number]
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
  const resources = matrix.resources.filter((r) => ns === null || r.namespaced)
  const verbs = [...new Set(resources.flatMap((r) => r.verbs))]
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
      <Table caption={`Permissions ${ns ? `in namespace ${ns}` : 'cluster-wide'}`}>
        <thead>
          <tr>
            {/* The resource column stays put while the verbs scroll: the last verb is always reachable. */}
            <Th className="sticky left-0 z-10 dark:bg-zinc-900">Resource</Th>
            {verbs.map((v) => (
              <Th key={v} className="px-2 text-center tracking-normal normal-case">
                {v}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {resources.map((r) => (
            <Tr key={r.key}>
              <Th
                scope="row"
                className="sticky left-0 z-10 bg-white px-4 py-1.5 font-mono text-xs normal-case dark:bg-zinc-900"
              >
                {r.key}
              </Th>
              {verbs.map((v) => {
                const cell = r.verbs.includes(v) ? cells.get(`${r.key} ${v}`) : undefined
                return (
                  <Td key={v} className="px-2 py-1.5 text-center">
                    {!r.verbs.includes(v) ? null : cell ? (
                      <button
                        type="button"
                        onClick={() => setSelected(cell)}
                        aria-label={`${v} ${r.key}: allowed${cell.risk ? `, risky (${cell.risk})` : ''}. Show why.`}
                        aria-pressed={selected === cell}
                        className={cn(
                          'rounded px-1.5 font-semibold',
                          cell.risk
                            ? 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300'
                            : 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
                        )}
                      >
                        ✓
                      </button>
                    ) : (
                      <>
                        <span aria-hidden="true" className="text-zinc-400 dark:text-zinc-600">
                          –
                        </span>
                        <span className="sr-only">
                          {v} {r.key}: not allowed
                        </span>
                      </>
                    )}
                  </Td>
                )
              })}
            </Tr>
          ))}
        </tbody>
      </Table>
      {selected ? (
        <div className="mt-4 space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" aria-live="polite">
          <p className="text-sm font-medium">
            {selected.verb} {selected.resource} {selected.namespace ? `in ${selected.namespace}` : 'cluster-wide'}
          </p>
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
