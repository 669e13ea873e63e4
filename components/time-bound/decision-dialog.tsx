'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'

import { Dialog } from '@/components/ui/dialog'
import { DialogFooter } from '@/components/ui/dialog-footer'
import { TextAreaField } from '@/components/ui/text-field'
import { useServerFormSubmit } from '@/components/ui/use-server-form-submit'
import { useDecideAccessRequest } from '@/lib/queries/access-request-queries'
import { accessRequestDecisionSchema, type AccessRequestDto } from '@/lib/time-bound/access-request-schema'
import { describeRequestedAccess, describeRequestedDuration, principalName } from '@/lib/time-bound/describe-request'

type Input = z.input<typeof accessRequestDecisionSchema>
type Output = z.output<typeof accessRequestDecisionSchema>

/**
 * Confirms an approval (which grants the access at once) or a denial (which needs a comment), naming what is granted
 * to whom and for how long. A refusal from the server (decided meanwhile, expired) shows in the dialog.
 */
export function DecisionDialog({
  request,
  decision,
  onClose,
}: {
  request: AccessRequestDto
  decision: 'approve' | 'deny'
  onClose: () => void
}) {
  const cluster = { region: request.region, name: request.cluster }
  const decide = useDecideAccessRequest(cluster, request.id)
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(accessRequestDecisionSchema),
    defaultValues: { decision, comment: '' },
  })
  const { onSubmit, formError } = useServerFormSubmit(form, ['comment'], async (input) => {
    await decide.mutateAsync(input)
    onClose()
  })
  const approve = decision === 'approve'
  const who = principalName(request.request.principalArn)
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={approve ? `Approve ${request.requestedBy}’s request?` : `Deny ${request.requestedBy}’s request?`}
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <p className="text-sm">
          {approve ? (
            <>
              <strong>{who}</strong> gets {describeRequestedAccess(request)} on {request.cluster} at once, for{' '}
              {describeRequestedDuration(request.request.duration)}; the console revokes it when it ends. The grant is
              made in your name and audited.
            </>
          ) : (
            <>
              <strong>{who}</strong> does not get {describeRequestedAccess(request)} on {request.cluster}. Say why:{' '}
              {request.requestedBy} sees your comment.
            </>
          )}
        </p>
        <TextAreaField
          form={form}
          name="comment"
          id="decision-comment"
          label={approve ? 'Comment (optional)' : 'Comment'}
          rows={3}
        />
        <DialogFooter
          error={formError}
          onCancel={onClose}
          actionLabel={approve ? 'Approve and grant' : 'Deny request'}
          pendingLabel={approve ? 'Granting…' : 'Denying…'}
          pending={decide.isPending}
        />
      </form>
    </Dialog>
  )
}
