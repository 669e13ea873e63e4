'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'

import { resourcePaths } from '@/components/resources/resource-links'
import { Dialog } from '@/components/ui/dialog'
import { DialogFooter } from '@/components/ui/dialog-footer'
import { TextField } from '@/components/ui/text-field'
import { useServerFormSubmit } from '@/components/ui/use-server-form-submit'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { useCreatePodIdentity } from '@/lib/queries/workload-identity-queries'
import {
  createPodIdentityCommand,
  createServiceAccountCommand,
} from '@/lib/workload-identity/workload-identity-commands'
import { createPodIdentitySchema } from '@/lib/workload-identity/workload-identity-schemas'

import { CreateRoleInline } from './create-role-inline'
import { RolePicker } from './role-picker'
import { ServiceAccountFields, useServiceAccountExists } from './service-account-fields'
import { SessionPolicyField } from './session-policy-field'
import { SessionTagsField } from './session-tags-field'

type Input = z.input<typeof createPodIdentitySchema>
type Output = z.output<typeof createPodIdentitySchema>
const FIELDS = ['namespace', 'serviceAccount', 'roleArn', 'targetRoleArn', 'disableSessionTags', 'policy'] as const

/** Create a Pod Identity association; on success, go to the service account's page to see its checks. */
export function CreatePodIdentityDialog({ cluster, onClose }: { cluster: ClusterRef; onClose: () => void }) {
  const router = useRouter()
  const mutation = useCreatePodIdentity(cluster)
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(createPodIdentitySchema),
    defaultValues: {
      namespace: '',
      serviceAccount: '',
      roleArn: '',
      targetRoleArn: '',
      disableSessionTags: false,
      policy: '',
    },
  })
  const v = useWatch({ control: form.control })
  const exists = useServiceAccountExists(cluster, v.namespace ?? '', v.serviceAccount ?? '')
  const { onSubmit, formError } = useServerFormSubmit(form, FIELDS, async (input) => {
    await mutation.mutateAsync({ ...input, createServiceAccount: exists === false })
    router.push(resourcePaths.serviceAccount(cluster, input.namespace, input.serviceAccount))
  })
  const command = createPodIdentityCommand(cluster, {
    namespace: v.namespace || '<namespace>',
    serviceAccount: v.serviceAccount || '<service-account>',
    roleArn: v.roleArn ?? '',
    targetRoleArn: v.targetRoleArn,
    disableSessionTags: v.disableSessionTags,
    policy: v.policy,
  })
  const setRole = (arn: string) => form.setValue('roleArn', arn, { shouldValidate: true })
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title="Associate an IAM role (Pod Identity)" wide>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <ServiceAccountFields
          cluster={cluster}
          namespace={v.namespace ?? ''}
          serviceAccount={v.serviceAccount ?? ''}
          form={form}
        />
        {exists === false ? (
          <p className="text-sm">
            The console will create the service account first, then the association:
            <code className="ml-1 text-xs">
              {createServiceAccountCommand(v.namespace ?? '', v.serviceAccount ?? '')}
            </code>
          </p>
        ) : null}
        <RolePicker id="pi-role-search" region={cluster.region} onPick={setRole} />
        <TextField
          form={form}
          name="roleArn"
          id="pi-role"
          label="IAM role ARN"
          hint="A role in the cluster's account (EKS needs iam:PassRole on it)."
        />
        <CreateRoleInline
          cluster={cluster}
          mechanism="pod-identity"
          namespace={v.namespace ?? ''}
          serviceAccount={v.serviceAccount ?? ''}
          onCreated={setRole}
        />
        <TextField
          form={form}
          name="targetRoleArn"
          id="pi-target"
          label="Target role ARN (optional, cross-account)"
          hint="EKS assumes the role above, then this one. Its trust policy must trust the role above with the external ID EKS generates (shown after creating)."
        />
        <SessionTagsField id="pi-tags" registration={form.register('disableSessionTags')} />
        <SessionPolicyField id="pi-policy" form={form} />
        <DialogFooter
          command={{ label: 'Equivalent AWS CLI command', code: command }}
          error={formError}
          onCancel={onClose}
          actionLabel="Create association"
          pendingLabel="Creating…"
          pending={mutation.isPending}
        />
      </form>
    </Dialog>
  )
}
