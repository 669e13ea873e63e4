'use client'

import { useState } from 'react'

import { CodeBlock } from '@/components/ui/code-block'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import type { AccessEntryDto } from '@/lib/access/access-entry-dto'
import { buildDeleteAccessEntryArgs, formatShellCommand } from '@/lib/access/cli-commands'
import { ApiError } from '@/lib/api/api-error'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { useDeleteAccessEntry } from '@/lib/queries/access-entry-queries'

import { lockoutText } from './lockout-text'
import { PolicyChip } from './scope-label'
import { needsTypedConfirmation } from './server-issues'

/** Confirms deleting an entry, naming the principal and every access it loses; the lockout guard asks for the name. */
export function DeleteEntryDialog({
  cluster,
  entry,
  isAdmin,
  onClose,
}: {
  cluster: ClusterRef
  entry: AccessEntryDto
  isAdmin: boolean
  onClose: () => void
}) {
  const mutation = useDeleteAccessEntry(cluster)
  const [guarded, setGuarded] = useState(entry.lockoutRisk !== null)
  const error =
    mutation.error instanceof ApiError && needsTypedConfirmation(mutation.error) ? undefined : mutation.error?.message
  const command = formatShellCommand(
    buildDeleteAccessEntryArgs({ clusterName: cluster.name, region: cluster.region, principalArn: entry.principalArn }),
  )
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Delete the access entry of ${entry.principalName}?`}
      confirmLabel="Delete entry"
      pending={mutation.isPending}
      error={error ?? (guarded && !isAdmin ? 'Only a console admin can make this change.' : undefined)}
      typeToConfirm={
        guarded && isAdmin
          ? {
              text: cluster.name,
              label: (
                <>
                  Type the cluster name <strong>{cluster.name}</strong> to confirm
                </>
              ),
            }
          : undefined
      }
      onConfirm={(typed) =>
        mutation.mutate(
          { principalArn: entry.principalArn, confirmClusterName: typed, version: entry.version },
          {
            onSuccess: onClose,
            onError: (e) => {
              if (needsTypedConfirmation(e)) setGuarded(true)
            },
          },
        )
      }
    >
      <p>
        <span className="font-mono text-xs break-all">{entry.principalArn}</span> loses all Kubernetes access it has
        through this entry:
      </p>
      <ul className="list-disc space-y-1 pl-5">
        {entry.policies.map((p) => (
          <li key={p.policyArn}>
            <PolicyChip policy={p} />
          </li>
        ))}
        {entry.kubernetesGroups.length > 0 ? (
          <li>RBAC bindings for groups {entry.kubernetesGroups.join(', ')}</li>
        ) : null}
        {entry.username ? <li>RBAC bindings for username {entry.username}</li> : null}
      </ul>
      {entry.nodeWarning ? (
        <p className="rounded-md bg-amber-50 p-3 font-medium text-amber-900 dark:bg-amber-950/60 dark:text-amber-200">
          {entry.nodeWarning}
        </p>
      ) : null}
      {entry.lockoutRisk ? (
        <p className="rounded-md bg-red-50 p-3 font-medium text-red-900 dark:bg-red-950/60 dark:text-red-200">
          {lockoutText[entry.lockoutRisk]}
        </p>
      ) : null}
      <CodeBlock label="Equivalent AWS CLI command" code={command} />
    </ConfirmDialog>
  )
}
