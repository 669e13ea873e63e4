'use client'

import { useState } from 'react'

import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { DialogFooter } from '@/components/ui/dialog-footer'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { addClientIdCommand } from '@/lib/identity/workload-identity-commands'
import { addOidcClientIdSchema } from '@/lib/identity/workload-identity-schemas'
import { useAddOidcClientId } from '@/lib/queries/workload-identity-mutations'

/**
 * "Add <audience> to the provider": confirms with the command it runs, then AddClientIDToOpenIDConnectProvider. The
 * audience comes from the service account's annotation, which kubectl may have set to something IAM refuses, so the
 * route's schema is checked here first.
 */
export function OidcClientIdButton({
  cluster,
  providerArn,
  audience,
}: {
  cluster: ClusterRef
  providerArn: string
  audience: string
}) {
  const [open, setOpen] = useState(false)
  const mutation = useAddOidcClientId(cluster)
  const input = addOidcClientIdSchema.safeParse({ audience })
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        Add {audience} to the provider
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next)
          if (!next) mutation.reset()
        }}
        title="Add the token audience to the IAM OIDC provider"
        description={`IAM will accept web identity tokens with the audience ${audience} from this cluster, so STS lets its service accounts assume their IRSA roles. The provider's other client IDs stay.`}
        wide
      >
        <div className="space-y-4">
          <DialogFooter
            command={{ label: 'Equivalent AWS CLI command', code: addClientIdCommand(providerArn, audience) }}
            error={input.success ? mutation.error?.message : input.error.issues[0]?.message}
            onCancel={() => setOpen(false)}
            actionLabel="Add client ID"
            pendingLabel="Adding…"
            pending={mutation.isPending}
            disabled={!input.success}
            onAction={() => input.success && mutation.mutate(input.data, { onSuccess: () => setOpen(false) })}
          />
        </div>
      </Dialog>
    </>
  )
}
