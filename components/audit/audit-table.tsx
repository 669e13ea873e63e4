'use client'

import { ChevronDown, ChevronRight } from 'lucide-react'
import Link from 'next/link'
import { Fragment, useState } from 'react'

import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Table, Td, Th, Tr } from '@/components/ui/table'
import type { AuditEventDto } from '@/lib/audit/audit-dto'
import { clusterPagePath } from '@/lib/queries/api-paths'

import { AuditEventDetails } from './audit-event-details'
import { auditActionLabel, formatAuditTime, resultTone, roleTone, shortTarget } from './audit-labels'

/** The audit events, newest first; each row expands to its message and before/after diff. */
export function AuditTable({ events, showCluster }: { events: AuditEventDto[]; showCluster: boolean }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current)
      if (!next.delete(id)) next.add(id)
      return next
    })
  const columns = showCluster ? 8 : 7
  return (
    <Table caption="Audit events, newest first">
      <thead>
        <tr>
          <Th>
            <span className="sr-only">Details</span>
          </Th>
          <Th>Time (UTC)</Th>
          <Th>Who</Th>
          <Th>Action</Th>
          {showCluster ? <Th>Cluster</Th> : null}
          <Th>Target</Th>
          <Th>Result</Th>
          <Th>Message</Th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const expanded = open.has(event.id)
          const detailsId = `audit-event-${event.id}`
          return (
            <Fragment key={event.id}>
              <Tr>
                <Td className="w-10 pr-0 align-top">
                  <Button
                    variant="ghost"
                    className="px-1.5"
                    aria-expanded={expanded}
                    aria-controls={detailsId}
                    aria-label={`Details of ${auditActionLabel(event.action)} on ${shortTarget(event.target)} at ${formatAuditTime(event.occurredAt)}`}
                    onClick={() => toggle(event.id)}
                  >
                    {expanded ? (
                      <ChevronDown aria-hidden="true" className="size-4" />
                    ) : (
                      <ChevronRight aria-hidden="true" className="size-4" />
                    )}
                  </Button>
                </Td>
                <Td className="align-top text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <time dateTime={event.occurredAt}>{formatAuditTime(event.occurredAt)}</time>
                </Td>
                <Td className="align-top">
                  <div className="flex flex-wrap items-center gap-1.5">
                    <span className="font-medium whitespace-nowrap">{event.actor.name}</span>
                    <Badge tone={roleTone[event.actor.role]}>
                      <span className="sr-only">console role: </span>
                      {event.actor.role}
                    </Badge>
                  </div>
                </Td>
                <Td className="align-top">
                  <span className="font-medium">{auditActionLabel(event.action)}</span>
                </Td>
                {showCluster ? (
                  <Td className="align-top whitespace-nowrap">
                    {event.cluster ? (
                      <Link className="hover:underline" href={clusterPagePath(event.cluster, 'history')}>
                        {event.cluster.name}
                        <span className="block text-xs text-zinc-500 dark:text-zinc-400">{event.cluster.region}</span>
                      </Link>
                    ) : (
                      '—'
                    )}
                  </Td>
                ) : null}
                <Td className="max-w-xs min-w-48 align-top">
                  <div className="font-medium break-all">{shortTarget(event.target)}</div>
                  {event.target !== shortTarget(event.target) ? (
                    <div className="font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">{event.target}</div>
                  ) : null}
                </Td>
                <Td className="align-top">
                  <Badge tone={resultTone[event.result]}>{event.result}</Badge>
                </Td>
                <Td className="max-w-xs align-top text-xs text-zinc-700 dark:text-zinc-300">
                  <p className="line-clamp-2 break-words">{event.message ?? '—'}</p>
                </Td>
              </Tr>
              {expanded ? (
                <tr id={detailsId} className="bg-zinc-50/60 dark:bg-zinc-950/40">
                  <td colSpan={columns} className="border-b border-zinc-100 px-4 py-3 dark:border-zinc-800/70">
                    <AuditEventDetails event={event} />
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
