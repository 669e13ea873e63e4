'use client'

import { useQuery } from '@tanstack/react-query'
import Link from 'next/link'

import { resourcePaths } from '@/components/resources/resource-links'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { serviceAccountDetailQuery } from '@/lib/queries/workload-identity-queries'

import { MechanismBadge, VerdictBadge } from './verdict-badge'

/**
 * A service account's IAM role mapping in one line (mechanism, role, verdict) linking to its page: for the pod detail
 * view of the resources section.
 */
export function ServiceAccountVerdict({
  cluster,
  namespace,
  name,
}: {
  cluster: ClusterRef
  namespace: string
  name: string
}) {
  const { data, error, isPending } = useQuery(serviceAccountDetailQuery(cluster, namespace, name))
  const href = resourcePaths.serviceAccount(cluster, namespace, name)
  const link = (
    <Link href={href} className="text-sky-700 hover:underline dark:text-sky-400">
      {name}
    </Link>
  )
  if (isPending)
    return (
      <span className="flex items-center gap-2">
        {link} <span className="text-xs text-zinc-600 dark:text-zinc-400">checking IAM role…</span>
      </span>
    )
  if (error)
    return (
      <span className="flex items-center gap-2">
        {link} <span className="text-xs text-zinc-600 dark:text-zinc-400">IAM role unknown: {error.message}</span>
      </span>
    )
  const m = data.mapping
  return (
    <span className="flex flex-wrap items-center gap-2">
      {link}
      {m ? (
        <>
          <MechanismBadge mechanism={m.mechanism} />
          <span className="text-xs">{m.effectiveRoleArn.split('/').pop()}</span>
          <VerdictBadge status={m.verdict} />
        </>
      ) : (
        <span className="text-xs text-zinc-600 dark:text-zinc-400">no IAM role</span>
      )}
    </span>
  )
}
