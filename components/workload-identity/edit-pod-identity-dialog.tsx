'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'

import { Dialog } from '@/components/ui/dialog'
import { DialogFooter } from '@/components/ui/dialog-footer'
import { TextField } from '@/components/ui/text-field'
import { useServerFormSubmit } from '@/components/ui/use-server-form-submit'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { useUpdatePodIdentity } from '@/lib/queries/workload-identity-queries'
import { prettySessionPolicy } from '@/lib/workload-identity/session-policy'
import { updatePodIdentityCommand } from '@/lib/workload-identity/workload-identity-commands'
import { updatePodIdentitySchema, type PodIdentityDto } from '@/lib/workload-identity/workload-identity-schemas'

import { RolePicker } from './role-picker'
import { SessionPolicyField } from './session-policy-field'
import { SessionTagsField } from './session-tags-field'

type Input = z.input<typeof updatePodIdentitySchema>
type Output = z.output<typeof updatePodIdentitySchema>
const FIELDS = ['roleArn', 'targetRoleArn', 'disableSessionTags', 'policy'] as const

/**
 * Change an association's role, cross-account target role, session tags and session policy (namespace and SA are
 * immutable); clearing the policy removes it.
 */
export function EditPodIdentityDialog({
  cluster,
  association,
  onClose,
}: {
  cluster: ClusterRef
  association: PodIdentityDto
  onClose: () => void
}) {
  const mutation = useUpdatePodIdentity(cluster, association.associationId)
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(updatePodIdentitySchema),
    defaultValues: {
      roleArn: association.roleArn,
      targetRoleArn: association.targetRoleArn ?? '',
      disableSessionTags: association.disableSessionTags,
      // Shown indented for editing; the schema compacts it again before it is sent.
      policy: association.policy ? prettySessionPolicy(association.policy) : '',
    },
  })
  const v = useWatch({ control: form.control })
  const { onSubmit, formError } = useServerFormSubmit(form, FIELDS, async (input) => {
    await mutation.mutateAsync(input)
    onClose()
  })
  const command = updatePodIdentityCommand(cluster, {
    associationId: association.associationId,
    roleArn: v.roleArn ?? '',
    targetRoleArn: v.targetRoleArn ?? '',
    disableSessionTags: v.disableSessionTags ?? false,
    policy: v.policy,
    hadPolicy: association.policy !== null,
  })
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title="Edit Pod Identity association" wide>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <RolePicker
          id="edit-role-search"
          region={cluster.region}
          onPick={(arn) => form.setValue('roleArn', arn, { shouldValidate: true })}
        />
        <TextField form={form} name="roleArn" id="edit-role" label="IAM role ARN" />
        <TextField
          form={form}
          name="targetRoleArn"
          id="edit-target"
          label="Target role ARN (optional, cross-account)"
          hint={
            association.externalId
              ? `The target role's trust policy must require sts:ExternalId ${association.externalId}. Empty removes the cross-account hop.`
              : 'Empty means no cross-account hop. EKS generates the external ID when you set one.'
          }
        />
        <SessionTagsField id="edit-tags" registration={form.register('disableSessionTags')} />
        <SessionPolicyField id="edit-policy" form={form} />
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
