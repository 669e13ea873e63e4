'use client'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { useCreateOidcProvider } from '@/lib/queries/workload-identity-queries'
import { createOidcProviderCommand } from '@/lib/workload-identity/workload-identity-commands'

import { ConfirmedFixButton } from './confirmed-fix-button'

/** "Create the IAM OIDC provider": confirms with the command it runs, then CreateOpenIDConnectProvider. */
export function OidcProviderButton({ cluster, issuer }: { cluster: ClusterRef; issuer: string }) {
  const mutation = useCreateOidcProvider(cluster)
  return (
    <ConfirmedFixButton
      label="Create IAM OIDC provider"
      title="Create the IAM OIDC provider"
      description={`IAM will trust web identity tokens from ${issuer} for the audience sts.amazonaws.com, so IRSA roles of this cluster can be assumed.`}
      command={createOidcProviderCommand(issuer)}
      actionLabel="Create provider"
      pendingLabel="Creating…"
      mutation={mutation}
      apply={(done) => mutation.mutate(undefined, { onSuccess: done })}
    />
  )
}
