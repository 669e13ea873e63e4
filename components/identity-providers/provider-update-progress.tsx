'use client'

import { useQuery } from '@tanstack/react-query'

import { EksUpdateProgress } from '@/components/clusters/eks-update-progress'
import { CodeBlock } from '@/components/ui/code-block'
import { formatShellCommand } from '@/lib/access/cli-commands'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { buildDescribeUpdateArgs } from '@/lib/identity-providers/identity-provider-commands'
import { identityProviderUpdateQuery } from '@/lib/queries/identity-provider-queries'

/** Follows an association or disassociation through DescribeUpdate (minutes on EKS) and says how it ended. */
export function ProviderUpdateProgress({
  cluster,
  updateId,
  what,
  onDone,
}: {
  cluster: ClusterRef
  updateId: string
  what: string
  onDone: () => void
}) {
  const { data, error } = useQuery(identityProviderUpdateQuery(cluster, updateId))
  return (
    <div className="space-y-2">
      <EksUpdateProgress
        updateId={updateId}
        update={data}
        error={error}
        inProgress={<>{what}…</>}
        succeeded={<>{what}: done.</>}
        endedPrefix={`${what}: `}
        onDone={onDone}
      />
      <CodeBlock
        label="Follow it with the AWS CLI (on EKS it takes several minutes)"
        code={formatShellCommand(buildDescribeUpdateArgs(cluster, updateId))}
      />
    </div>
  )
}
