'use client'

import { useState } from 'react'

import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { DialogFooter } from '@/components/ui/dialog-footer'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { createOidcProviderCommand } from '@/lib/identity/workload-identity-commands'
import { useCreateOidcProvider } from '@/lib/queries/workload-identity-mutations'

/** "Create the IAM OIDC provider": confirms with the command it runs, then CreateOpenIDConnectProvider. */
export function OidcProviderButton({ cluster, issuer }: { cluster: ClusterRef; issuer: string }) {
  const [open, setOpen] = useState(false)
  const mutation = useCreateOidcProvider(cluster)
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        Create IAM OIDC provider
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next)
          if (!next) mutation.reset()
        }}
        title="Create the IAM OIDC provider"
        description={`IAM will trust web identity tokens from ${issuer} for the audience sts.amazonaws.com, so IRSA roles of this cluster can be assumed.`}
        wide
      >
        <div className="space-y-4">
          <DialogFooter
            command={{ label: 'Equivalent AWS CLI command', code: createOidcProviderCommand(issuer) }}
            error={mutation.error?.message}
            onCancel={() => setOpen(false)}
            actionLabel="Create provider"
            pendingLabel="Creating…"
            pending={mutation.isPending}
            onAction={() => mutation.mutate(undefined, { onSuccess: () => setOpen(false) })}
          />
        </div>
      </Dialog>
    </>
  )
}
