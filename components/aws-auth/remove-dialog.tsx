'use client'

import { Dialog } from '@/components/ui/dialog'
import type { AwsAuthViewDto } from '@/lib/aws-auth/aws-auth-dto'
import type { AwsAuthChangeRequest } from '@/lib/aws-auth/aws-auth-schemas'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { ChangeReview } from './change-review'

/** Remove a mapping or account: straight to the diff, with the lockout guard when it applies. */
export function RemoveDialog({
  cluster,
  view,
  change,
  what,
  onClose,
  onSaved,
}: {
  cluster: ClusterRef
  view: AwsAuthViewDto
  change: AwsAuthChangeRequest
  what: string
  onClose: () => void
  onSaved: (message: string) => void
}) {
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Remove from aws-auth"
      description={`${what} loses the access this mapping gives it on ${cluster.name}.`}
      wide
    >
      <ChangeReview
        cluster={cluster}
        view={view}
        change={change}
        onCancel={onClose}
        onDone={() => onSaved(`Removed ${what}.`)}
      />
    </Dialog>
  )
}
