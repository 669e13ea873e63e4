'use client'

import { useQuery } from '@tanstack/react-query'
import { ArrowRight } from 'lucide-react'

import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Panel } from '@/components/ui/panel'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import type { ClusterRef, ConsoleIdentity } from '@/lib/clusters/cluster-schemas'
import { consoleIdentityQuery } from '@/lib/queries/console-identity-queries'

const refusalTitles: Record<string, string> = {
  kubernetes_unauthorized: "The cluster does not accept the console's identity",
  kubernetes_forbidden: "The console's identity may not review itself on this cluster",
  upstream_unreachable: "The console cannot reach this cluster's Kubernetes API",
  upstream_timeout: "This cluster's Kubernetes API did not answer in time",
  upstream_error: "The console cannot talk to this cluster's Kubernetes API",
}

function KubernetesSide({ kubernetes }: { kubernetes: ConsoleIdentity['kubernetes'] }) {
  if (!kubernetes.ok) {
    return (
      <Alert variant="warning" title={refusalTitles[kubernetes.code] ?? 'The cluster did not answer'}>
        {kubernetes.message} Pages that read Kubernetes objects will not work for this cluster until it does.
      </Alert>
    )
  }
  // system:authenticated is added to every authenticated user; it says nothing about this identity.
  const groups = kubernetes.groups.filter((group) => group !== 'system:authenticated')
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      <span className="text-zinc-600 dark:text-zinc-400">Kubernetes user</span>
      <code className="font-mono text-xs break-all">{kubernetes.username}</code>
      <span className="text-zinc-600 dark:text-zinc-400">
        {groups.length ? 'groups' : 'in no groups beyond system:authenticated'}
      </span>
      {groups.map((group) => (
        <Badge key={group} tone={group === 'system:masters' ? 'amber' : 'neutral'} className="font-mono">
          {group}
        </Badge>
      ))}
    </p>
  )
}

/**
 * "The console acts as <ARN> → Kubernetes user <name>, groups <…>": what every Kubernetes page of this cluster can
 * and cannot show follows from this identity, not from the signed-in person.
 */
export function ConsoleIdentityPanel({ cluster }: { cluster: ClusterRef }) {
  const { data, error, isPending, refetch } = useQuery(consoleIdentityQuery(cluster))
  return (
    <Panel
      title="Console identity"
      description="Kubernetes and AWS see the console's server, whoever is signed in to the console."
    >
      {isPending ? (
        <div aria-busy="true" aria-label="Loading the console's identity" className="space-y-2">
          <Skeleton className="h-4 w-3/4" />
          <Skeleton className="h-4 w-1/2" />
        </div>
      ) : error ? (
        <QueryError error={error} what="the console's identity" onRetry={() => void refetch()} />
      ) : (
        <div className="space-y-3">
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
            <span className="text-zinc-600 dark:text-zinc-400">The console acts as</span>
            <code className="font-mono text-xs break-all">{data.aws.arn}</code>
          </p>
          <div className="flex gap-2">
            <ArrowRight aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-zinc-400" />
            <div className="min-w-0 flex-1">
              <KubernetesSide kubernetes={data.kubernetes} />
            </div>
          </div>
        </div>
      )}
    </Panel>
  )
}
