'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useForm, useWatch } from 'react-hook-form'
import { z } from 'zod'

import { resourcePaths } from '@/components/resources/resource-links'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { serviceAccountParamsSchema } from '@/lib/workload-identity/workload-identity-schemas'

import { ServiceAccountFields, useServiceAccountExists } from './service-account-fields'

const schema = z.object({
  namespace: serviceAccountParamsSchema.shape.namespace,
  serviceAccount: serviceAccountParamsSchema.shape.name,
})
type Input = z.input<typeof schema>

/** IRSA lives on the service account: pick one, then set its role on its page (which holds its resourceVersion). */
export function IrsaChooserDialog({ cluster, onClose }: { cluster: ClusterRef; onClose: () => void }) {
  const router = useRouter()
  const form = useForm<Input>({ resolver: zodResolver(schema), defaultValues: { namespace: '', serviceAccount: '' } })
  const v = useWatch({ control: form.control })
  const exists = useServiceAccountExists(cluster, v.namespace ?? '', v.serviceAccount ?? '')
  const onSubmit = form.handleSubmit((input) =>
    router.push(`${resourcePaths.serviceAccount(cluster, input.namespace, input.serviceAccount)}?edit=irsa`),
  )
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Map a role with IRSA"
      description="Choose the service account to annotate with eks.amazonaws.com/role-arn."
      wide
    >
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <ServiceAccountFields
          cluster={cluster}
          namespace={v.namespace ?? ''}
          serviceAccount={v.serviceAccount ?? ''}
          form={form}
        />
        {exists === false ? (
          <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
            IRSA annotates an existing service account; create it first (or use Pod Identity, which can create it).
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={exists === false}>
            Continue
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
