'use client'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { useAddOidcClientId } from '@/lib/queries/workload-identity-queries'
import { addClientIdCommand } from '@/lib/workload-identity/workload-identity-commands'
import { addOidcClientIdSchema } from '@/lib/workload-identity/workload-identity-schemas'

import { ConfirmedFixButton } from './confirmed-fix-button'

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
  const mutation = useAddOidcClientId(cluster)
  const input = addOidcClientIdSchema.safeParse({ audience })
  return (
    <ConfirmedFixButton
      label={`Add ${audience} to the provider`}
      title="Add the token audience to the IAM OIDC provider"
      description={`IAM will accept web identity tokens with the audience ${audience} from this cluster, so STS lets its service accounts assume their IRSA roles. The provider's other client IDs stay.`}
      command={addClientIdCommand(providerArn, audience)}
      actionLabel="Add client ID"
      pendingLabel="Adding…"
      mutation={mutation}
      problem={input.success ? undefined : (input.error.issues[0]?.message ?? 'Not a valid audience')}
      apply={(done) => input.success && mutation.mutate(input.data, { onSuccess: done })}
    />
  )
}
