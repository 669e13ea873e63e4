'use client'

import { Dialog } from '@/components/ui/dialog'
import { DialogFooter } from '@/components/ui/dialog-footer'
import { describeAuthenticationMode } from '@/lib/access/authentication-mode'
import { buildUpdateAuthenticationModeArgs, formatShellCommand } from '@/lib/access/cli-commands'
import type { AuthenticationMode, ClusterRef } from '@/lib/clusters/cluster-schemas'
import { useSwitchAuthenticationMode } from '@/lib/queries/access-authentication-mode-queries'

/** Confirms the one-way mode switch, saying plainly that it cannot be undone. */
export function SwitchModeDialog({
  cluster,
  from,
  to,
  onClose,
  onStarted,
}: {
  cluster: ClusterRef
  from: AuthenticationMode
  to: AuthenticationMode
  onClose: () => void
  onStarted: (updateId: string) => void
}) {
  const mutation = useSwitchAuthenticationMode(cluster)
  const target = describeAuthenticationMode(to)
  const command = formatShellCommand(
    buildUpdateAuthenticationModeArgs({ clusterName: cluster.name, region: cluster.region, authenticationMode: to }),
    { multiline: true },
  )
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Switch ${cluster.name} to ${to}?`}>
      <div className="space-y-4 text-sm">
        <p>
          From <strong>{from}</strong> to <strong>{to}</strong> ({target.label}). {target.explanation}
        </p>
        <p className="rounded-md bg-amber-50 p-3 font-medium text-amber-900 dark:bg-amber-950/60 dark:text-amber-200">
          This cannot be undone. EKS only moves forward (CONFIG_MAP → API_AND_CONFIG_MAP → API); the cluster can never
          return to {from}.
          {to === 'API'
            ? ' Every principal mapped only in aws-auth loses access: create access entries for them first.'
            : ''}
        </p>
        <DialogFooter
          command={{ label: 'Equivalent AWS CLI command', code: command }}
          error={mutation.error?.message}
          onCancel={onClose}
          actionLabel={`Switch to ${to}`}
          pendingLabel="Starting…"
          pending={mutation.isPending}
          onAction={() => mutation.mutate(to, { onSuccess: (update) => onStarted(update.id) })}
        />
      </div>
    </Dialog>
  )
}
