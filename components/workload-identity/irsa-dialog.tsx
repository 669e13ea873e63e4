'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'

import { Dialog } from '@/components/ui/dialog'
import { DialogFooter } from '@/components/ui/dialog-footer'
import { SelectField, TextField } from '@/components/ui/text-field'
import { useServerFormSubmit } from '@/components/ui/use-server-form-submit'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { useSetIrsaAnnotations } from '@/lib/queries/workload-identity-queries'
import { annotateServiceAccountCommand, IRSA_ANNOTATIONS } from '@/lib/workload-identity/workload-identity-commands'
import { irsaAnnotationsSchema } from '@/lib/workload-identity/workload-identity-schemas'

import { CreateRoleInline } from './create-role-inline'
import { RolePicker } from './role-picker'

type Input = z.input<typeof irsaAnnotationsSchema>
type Output = z.output<typeof irsaAnnotationsSchema>
const FIELDS = ['roleArn', 'audience', 'stsRegionalEndpoints', 'tokenExpiration', 'resourceVersion'] as const

/** Set or change a service account's IRSA annotations, with its resourceVersion (a concurrent edit is a 409). */
export function IrsaDialog({
  cluster,
  namespace,
  name,
  resourceVersion,
  annotations,
  onClose,
}: {
  cluster: ClusterRef
  namespace: string
  name: string
  resourceVersion: string
  annotations: Record<string, string>
  onClose: () => void
}) {
  const mutation = useSetIrsaAnnotations(cluster, namespace, name)
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(irsaAnnotationsSchema),
    defaultValues: {
      roleArn: annotations[IRSA_ANNOTATIONS.roleArn] ?? '',
      audience: annotations[IRSA_ANNOTATIONS.audience] ?? '',
      stsRegionalEndpoints: (annotations[IRSA_ANNOTATIONS.stsRegionalEndpoints] ?? '') as Input['stsRegionalEndpoints'],
      tokenExpiration: annotations[IRSA_ANNOTATIONS.tokenExpiration] ?? '',
      resourceVersion,
    },
  })
  const { errors } = form.formState
  const v = useWatch({ control: form.control })
  const { onSubmit, formError } = useServerFormSubmit(form, FIELDS, async (input) => {
    await mutation.mutateAsync(input)
    onClose()
  })
  const value = (text: string | undefined) => (text ? text : null)
  const command = annotateServiceAccountCommand(
    { namespace, name, resourceVersion },
    {
      [IRSA_ANNOTATIONS.roleArn]: value(v.roleArn),
      [IRSA_ANNOTATIONS.audience]: v.roleArn ? value(v.audience) : null,
      [IRSA_ANNOTATIONS.stsRegionalEndpoints]: v.roleArn ? value(v.stsRegionalEndpoints) : null,
      [IRSA_ANNOTATIONS.tokenExpiration]: v.roleArn ? value(v.tokenExpiration) : null,
    },
  )
  const setRole = (arn: string) => form.setValue('roleArn', arn, { shouldValidate: true })
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={`IRSA role of ${namespace}/${name}`} wide>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <RolePicker id="irsa-role-search" region={cluster.region} onPick={setRole} />
        <TextField
          form={form}
          name="roleArn"
          id="irsa-role"
          label="IAM role ARN (eks.amazonaws.com/role-arn)"
          hint="Empty removes the role and the other IRSA annotations."
        />
        <CreateRoleInline
          cluster={cluster}
          mechanism="irsa"
          namespace={namespace}
          serviceAccount={name}
          onCreated={setRole}
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField form={form} name="audience" id="irsa-audience" label="Audience" hint="Default sts.amazonaws.com" />
          <SelectField form={form} name="stsRegionalEndpoints" id="irsa-regional" label="Regional STS endpoints">
            <option value="">Not set</option>
            <option value="true">true</option>
            <option value="false">false</option>
          </SelectField>
          <TextField
            form={form}
            name="tokenExpiration"
            id="irsa-expiration"
            label="Token expiration (s)"
            hint="Default 86400"
            inputMode="numeric"
          />
        </div>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Pods read the annotations when they start: restart them after a change.
        </p>
        <DialogFooter
          command={{ label: 'Equivalent kubectl command', code: command }}
          error={formError ?? errors.resourceVersion?.message}
          onCancel={onClose}
          actionLabel={v.roleArn ? 'Save annotations' : 'Remove IRSA role'}
          pendingLabel="Saving…"
          pending={mutation.isPending}
        />
      </form>
    </Dialog>
  )
}
