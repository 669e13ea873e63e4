'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useForm } from 'react-hook-form'

import { Dialog } from '@/components/ui/dialog'
import { DialogFooter } from '@/components/ui/dialog-footer'
import { SelectField, TextAreaField } from '@/components/ui/text-field'
import { useServerFormSubmit } from '@/components/ui/use-server-form-submit'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { useBreakGlass } from '@/lib/queries/break-glass-queries'
import { breakGlassSchema, type BreakGlassInput, type BreakGlassRequest } from '@/lib/time-bound/break-glass-schema'

/**
 * Break-glass: the admin's own configured IAM principal becomes cluster admin for at most an hour, with a reason that
 * goes to the audit log. No approval; a banner on every page says it is in force until the console revokes it.
 */
export function BreakGlassDialog({ cluster, onClose }: { cluster: ClusterRef; onClose: () => void }) {
  const mutation = useBreakGlass(cluster)
  const form = useForm<BreakGlassRequest, unknown, BreakGlassInput>({
    resolver: zodResolver(breakGlassSchema),
    defaultValues: { reason: '', minutes: 60 },
  })
  const { onSubmit, formError } = useServerFormSubmit(form, ['reason', 'minutes'], async (input) => {
    await mutation.mutateAsync(input)
    onClose()
  })
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`Break glass on ${cluster.name}`}>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <p className="text-sm">
          Your configured IAM principal gets AmazonEKSClusterAdminPolicy on the whole cluster, without approval, and the
          console takes it back when the time is up. Everyone signed in sees a banner meanwhile.
        </p>
        <TextAreaField
          form={form}
          name="reason"
          id="break-glass-reason"
          label="Reason (recorded in the audit log)"
          rows={3}
        />
        <SelectField
          form={form}
          name="minutes"
          id="break-glass-minutes"
          label="For"
          registerOptions={{ valueAsNumber: true }}
        >
          <option value={15}>15 minutes</option>
          <option value={30}>30 minutes</option>
          <option value={60}>1 hour</option>
        </SelectField>
        <DialogFooter
          error={formError}
          onCancel={onClose}
          actionLabel="Break glass"
          pendingLabel="Granting…"
          pending={mutation.isPending}
        />
      </form>
    </Dialog>
  )
}
