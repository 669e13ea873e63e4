'use client'

import { ChevronDown, ChevronRight, Wrench } from 'lucide-react'
import Link from 'next/link'
import { Fragment, useState } from 'react'

import { Table, Td, Th, Tr } from '@/components/ui/table'
import { severities } from '@/lib/findings/finding-rules'
import type { Finding } from '@/lib/findings/findings-dto'

import { FindingEvidence } from './finding-evidence'
import { RuleId } from './rule-id'
import { SeverityBadge, severityLabel } from './severity-badge'
import type { FindingSort } from './use-findings-filters'

function sortFindings(findings: readonly Finding[], sort: FindingSort): Finding[] {
  const rank = (f: Finding) => severities.indexOf(f.severity)
  const byCluster = (a: Finding, b: Finding) =>
    a.cluster.name.localeCompare(b.cluster.name) || a.cluster.region.localeCompare(b.cluster.region)
  return [...findings].sort((a, b) =>
    sort === 'cluster'
      ? byCluster(a, b) || rank(a) - rank(b)
      : sort === 'rule'
        ? a.ruleId.localeCompare(b.ruleId) || rank(a) - rank(b) || byCluster(a, b)
        : rank(a) - rank(b),
  )
}

/**
 * The findings, grouped by severity when sorted by it, each row with the rule's words, the finding's sentence, the
 * subject, the rule id and the fix; the evidence (paths, matched rule, sources) expands below the row.
 */
export function FindingsTable({
  findings,
  sort,
  showCluster,
}: {
  findings: readonly Finding[]
  sort: FindingSort
  showCluster: boolean
}) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const rows = sortFindings(findings, sort)
  const columns = showCluster ? 6 : 5
  return (
    <Table caption="Findings" className="table-fixed">
      <colgroup>
        <col className="w-28" />
        <col />
        <col className="w-[22%]" />
        {showCluster ? <col className="w-32" /> : null}
        <col className="w-40" />
        <col className="w-20" />
      </colgroup>
      <thead>
        <tr>
          <Th>Severity</Th>
          <Th>Finding</Th>
          <Th>Subject</Th>
          {showCluster ? <Th>Cluster</Th> : null}
          <Th>Rule</Th>
          <Th>Fix</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((f, i) => {
          const first = sort === 'severity' && rows[i - 1]?.severity !== f.severity
          const expanded = open.has(f.id)
          const evidenceId = `evidence-${i}`
          return (
            <Fragment key={f.id}>
              {first ? (
                <tr>
                  <th
                    scope="colgroup"
                    colSpan={columns}
                    className="bg-zinc-50 px-4 py-1.5 text-left text-xs font-semibold text-zinc-600 dark:bg-zinc-900/60 dark:text-zinc-400"
                  >
                    {severityLabel[f.severity]} · {rows.filter((r) => r.severity === f.severity).length}
                  </th>
                </tr>
              ) : null}
              <Tr>
                <Td className="align-top">
                  <SeverityBadge severity={f.severity} />
                </Td>
                <Td className="align-top break-words">
                  <button
                    type="button"
                    aria-expanded={expanded}
                    aria-controls={evidenceId}
                    onClick={() => toggle(f.id)}
                    className="flex items-start gap-1 text-left font-medium hover:underline"
                  >
                    {expanded ? (
                      <ChevronDown aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                    ) : (
                      <ChevronRight aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                    )}
                    <span>
                      {f.title}
                      <span className="sr-only"> — {expanded ? 'hide' : 'show'} evidence</span>
                    </span>
                  </button>
                  <p className="mt-1 pl-5 text-zinc-600 dark:text-zinc-400">{f.message}</p>
                </Td>
                <Td className="align-top font-mono text-xs break-all">{f.subject}</Td>
                {showCluster ? (
                  <Td className="align-top break-words">
                    {f.cluster.name}
                    <span className="block text-xs text-zinc-500 dark:text-zinc-400">{f.cluster.region}</span>
                  </Td>
                ) : null}
                <Td className="align-top font-mono text-xs break-words">
                  <RuleId id={f.ruleId} />
                </Td>
                <Td className="align-top">
                  {f.fix ? (
                    <Link
                      href={f.fix.href}
                      prefetch={false}
                      className="inline-flex items-start gap-1 font-medium underline"
                    >
                      <Wrench aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
                      <span>
                        Fix<span className="sr-only">: {f.fix.label}</span>
                      </span>
                    </Link>
                  ) : (
                    <span className="text-zinc-500 dark:text-zinc-400">—</span>
                  )}
                </Td>
              </Tr>
              {expanded ? (
                <tr id={evidenceId}>
                  <td colSpan={columns} className="border-b border-zinc-100 px-4 pb-4 dark:border-zinc-800/70">
                    <FindingEvidence finding={f} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          )
        })}
      </tbody>
    </Table>
  )
}
