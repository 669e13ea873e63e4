'use client'

import { useQuery } from '@tanstack/react-query'

import { DescriptionList, Panel } from '@/components/ui/panel'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { accessRequestQuery } from '@/lib/queries/access-request-queries'
import {
  describeRequestedAccess,
  describeRequestedDuration,
  principalName,
  requestState,
} from '@/lib/time-bound/describe-request'

import { RequestActions } from './request-actions'
import { RequestStateBadge } from './request-state-badge'

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

/** One access request (its deep link): everything about it, and the decision buttons when it is still pending. */
export function RequestDetail({ cluster, id }: { cluster: ClusterRef; id: string }) {
  const query = useQuery(accessRequestQuery(cluster, id))
  if (query.isPending) return <Skeleton aria-label="Loading the request" className="h-56 w-full" />
  if (query.error)
    return <QueryError error={query.error} what="this access request" onRetry={() => void query.refetch()} />
  const r = query.data
  const state = requestState(r)
  return (
    <Panel
      title={`Request for ${principalName(r.request.principalArn)}`}
      description={`Filed by ${r.requestedBy} on ${when(r.requestedAt)}`}
      actions={<RequestStateBadge state={state} />}
    >
      <div className="space-y-5">
        <DescriptionList
          items={[
            { label: 'IAM principal', value: <span className="font-mono text-xs">{r.request.principalArn}</span> },
            { label: 'Access asked', value: describeRequestedAccess(r) },
            { label: 'How long', value: describeRequestedDuration(r.request.duration) },
            { label: 'Reason', value: r.request.reason },
            {
              label: state === 'pending' ? 'Expires undecided' : state === 'expired' ? 'Expired' : 'Decided',
              value: r.decidedAt ? `${when(r.decidedAt)} by ${r.decidedBy}` : when(r.expiresAt),
            },
            ...(r.comment ? [{ label: 'Comment', value: r.comment }] : []),
          ]}
        />
        <RequestActions request={r} />
      </div>
    </Panel>
  )
}
