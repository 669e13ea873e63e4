'use client'

import { useNow } from '@/components/time-bound/use-now'
import { CodeBlock } from '@/components/ui/code-block'
import {
  buildAssociateAccessPolicyArgs,
  buildCreateAccessEntryArgs,
  formatShellCommand,
} from '@/lib/access/cli-commands'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { withExpiryComment } from '@/lib/time-bound/expiry-note'
import type { GrantDuration } from '@/lib/time-bound/grant-duration'

/** The `aws eks create-access-entry` and `associate-access-policy` commands equivalent to the form, as it changes. */
type Draft = {
  principalArn?: string
  type?: string
  username?: unknown
  kubernetesGroups?: string[]
  accessPolicies?: { policyArn?: string; accessScope?: { type?: 'cluster' | 'namespace'; namespaces?: string[] } }[]
  duration?: Partial<GrantDuration>
}

export function GrantCommands({ cluster, draft }: { cluster: ClusterRef; draft: Draft }) {
  const now = useNow(15_000)
  const ref = { clusterName: cluster.name, region: cluster.region }
  const principalArn = draft.principalArn?.trim() || '<principal-arn>'
  const commands = [
    buildCreateAccessEntryArgs({
      ...ref,
      principalArn,
      type: draft.type,
      username: typeof draft.username === 'string' && draft.username.trim() ? draft.username.trim() : undefined,
      kubernetesGroups: draft.kubernetesGroups,
    }),
    ...(draft.accessPolicies ?? [])
      .filter((p) => p.policyArn)
      .map((p) =>
        buildAssociateAccessPolicyArgs({
          ...ref,
          principalArn,
          policyArn: p.policyArn ?? '',
          accessScope: { type: p.accessScope?.type ?? 'cluster', namespaces: p.accessScope?.namespaces ?? [] },
        }),
      ),
  ]
  return (
    <CodeBlock
      label="Equivalent AWS CLI commands"
      code={withExpiryComment(
        commands.map((argv) => formatShellCommand(argv, { multiline: true })).join('\n\n'),
        draft.duration as GrantDuration | undefined,
        now,
      )}
    />
  )
}
