'use client'

import { useState } from 'react'

import { Button } from '@/components/ui/button'
import { CodeBlock } from '@/components/ui/code-block'
import { Dialog } from '@/components/ui/dialog'
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
          <CodeBlock label="Equivalent AWS CLI command" code={createOidcProviderCommand(issuer)} />
          {mutation.error ? (
            <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
              {mutation.error.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button
              variant="primary"
              disabled={mutation.isPending}
              onClick={() => mutation.mutate(undefined, { onSuccess: () => setOpen(false) })}
            >
              {mutation.isPending ? 'Creating…' : 'Create provider'}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  )
}
