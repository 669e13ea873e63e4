'use client'

import { useQuery } from '@tanstack/react-query'

import { EksUpdateProgress } from '@/components/clusters/eks-update-progress'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { clusterUpdateQuery } from '@/lib/queries/access-authentication-mode-queries'

/** Polls DescribeUpdate until the mode switch completes, and says how it ended. */
export function UpdateProgress({
  cluster,
  updateId,
  onDone,
}: {
  cluster: ClusterRef
  updateId: string
  onDone: () => void
}) {
  const { data, error } = useQuery(clusterUpdateQuery(cluster, updateId))
  return (
    <EksUpdateProgress
      updateId={updateId}
      update={data}
      error={error}
      inProgress={<>Switching to {data?.targetMode ?? 'the next mode'}…</>}
      succeeded={<>The switch to {data?.targetMode} completed.</>}
      onDone={onDone}
    />
  )
}
