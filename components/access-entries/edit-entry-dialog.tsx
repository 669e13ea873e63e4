'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'

import { Dialog } from '@/components/ui/dialog'
import { DialogFooter } from '@/components/ui/dialog-footer'
import { ListField } from '@/components/ui/list-field'
import { TextField } from '@/components/ui/text-field'
import { useServerFormSubmit } from '@/components/ui/use-server-form-submit'
import type { AccessEntryDto } from '@/lib/access/access-entry-dto'
import { updateAccessEntrySchema } from '@/lib/access/access-entry-schema'
import { buildUpdateAccessEntryArgs, formatShellCommand } from '@/lib/access/cli-commands'
import { reapplyEdit, staleEntryOf, type EntryEdit } from '@/lib/access/stale-entry'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { useUpdateAccessEntry } from '@/lib/queries/access-entry-queries'

import { StaleEditPanel } from './stale-edit-panel'

type Input = z.input<typeof updateAccessEntrySchema>
type Output = z.output<typeof updateAccessEntrySchema>

const editOf = (e: { username?: string | null; kubernetesGroups?: string[] }): EntryEdit => ({
  username: e.username || null,
  kubernetesGroups: e.kubernetesGroups ?? [],
})

/**
 * Change an entry's username and Kubernetes groups (UpdateAccessEntry replaces the whole group list). The save names
 * the version the dialog was opened on; when someone saved first (412), the dialog shows what changed and re-applies
 * the person's changes on top of the current entry.
 */
export function EditEntryDialog({
  cluster,
  entry,
  onClose,
}: {
  cluster: ClusterRef
  entry: AccessEntryDto
  onClose: () => void
}) {
  const mutation = useUpdateAccessEntry(cluster, entry.principalArn)
  // The entry the form's values started from: the one opened, or the current one after a re-apply.
  const [base, setBase] = useState(entry)
  const [stale, setStale] = useState<{ current: AccessEntryDto; mine: EntryEdit } | null>(null)
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(updateAccessEntrySchema),
    defaultValues: { username: entry.username ?? undefined, kubernetesGroups: entry.kubernetesGroups },
  })
  const values = useWatch({ control: form.control })
  const command = formatShellCommand(
    buildUpdateAccessEntryArgs({
      clusterName: cluster.name,
      region: cluster.region,
      principalArn: entry.principalArn,
      username: values.username || undefined,
      kubernetesGroups: values.kubernetesGroups ?? [],
    }),
    { multiline: true },
  )
  const { onSubmit, formError } = useServerFormSubmit(form, ['username', 'kubernetesGroups'], async (input) => {
    setStale(null)
    try {
      await mutation.mutateAsync({ ...input, version: base.version })
    } catch (error) {
      const current = staleEntryOf(error)
      if (!current) throw error
      return setStale({ current, mine: editOf(input) })
    }
    onClose()
  })
  const reapply = () => {
    if (!stale) return
    const merged = reapplyEdit(editOf(base), stale.mine, editOf(stale.current))
    form.reset({ username: merged.username ?? undefined, kubernetesGroups: merged.kubernetesGroups })
    setBase(stale.current)
    setStale(null)
    // The panel (and its button) goes away: keep keyboard focus in the form the person now reviews.
    form.setFocus('username')
  }
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Edit ${entry.principalName}`} wide>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        {stale ? (
          <StaleEditPanel opened={editOf(base)} current={editOf(stale.current)} mine={stale.mine} onReapply={reapply} />
        ) : null}
        <TextField
          form={form}
          name="username"
          id="edit-username"
          label="Kubernetes username"
          hint="RBAC bindings to this name apply to the principal. {{SessionName}} needs a colon before it."
        />
        <ListField
          control={form.control}
          name="kubernetesGroups"
          id="edit-groups"
          label="Kubernetes groups"
          hint="Comma-separated. The list replaces the current groups; names starting with system: are not allowed."
        />
        <DialogFooter
          command={{ label: 'Equivalent AWS CLI command', code: command }}
          error={formError}
          onCancel={onClose}
          actionLabel="Save changes"
          pendingLabel="Saving…"
          pending={mutation.isPending}
        />
      </form>
    </Dialog>
  )
}
