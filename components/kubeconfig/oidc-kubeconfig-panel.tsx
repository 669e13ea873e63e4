'use client'

import { useQuery } from '@tanstack/react-query'
import Link from 'next/link'
import { useState } from 'react'

import { CodeBlock } from '@/components/ui/code-block'
import { FormField, inputClasses } from '@/components/ui/form-field'
import { Panel } from '@/components/ui/panel'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { clusterPagePath } from '@/lib/queries/api-paths'
import { identityProvidersQuery, oidcKubeconfigQuery } from '@/lib/queries/identity-provider-queries'

/** Beside the AWS kubeconfig: the one for people who sign in through an associated OIDC provider (kubelogin). */
export function OidcKubeconfigPanel({ cluster }: { cluster: ClusterRef }) {
  const providers = useQuery(identityProvidersQuery(cluster))
  const [chosen, setChosen] = useState<string>()
  const active = providers.data?.providers.filter((p) => p.status === 'ACTIVE') ?? []
  const name = chosen ?? active[0]?.name
  const kubeconfig = useQuery({ ...oidcKubeconfigQuery(cluster, name ?? ''), enabled: name !== undefined })

  return (
    <Panel
      as="h3"
      title="For OIDC users (kubelogin)"
      description="People who sign in with the company IdP instead of IAM: kubectl runs kubelogin, which opens the IdP's sign-in."
    >
      {providers.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : providers.error ? (
        <QueryError error={providers.error} what="the identity providers" onRetry={() => void providers.refetch()} />
      ) : active.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No active OIDC identity provider on {cluster.name}.{' '}
          <Link className="underline" href={clusterPagePath(cluster, 'identity-providers')}>
            Identity providers
          </Link>
        </p>
      ) : (
        <div className="space-y-3">
          <FormField id="oidc-kubeconfig-provider" label="Identity provider">
            <select
              id="oidc-kubeconfig-provider"
              className={inputClasses(false)}
              value={name}
              onChange={(e) => setChosen(e.target.value)}
            >
              {active.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name} ({p.issuerUrl})
                </option>
              ))}
            </select>
          </FormField>
          <CodeBlock label="Install kubelogin" code="kubectl krew install oidc-login" />
          {kubeconfig.error ? (
            <QueryError error={kubeconfig.error} what="the OIDC kubeconfig" onRetry={() => void kubeconfig.refetch()} />
          ) : kubeconfig.data ? (
            <CodeBlock label={kubeconfig.data.fileName} code={kubeconfig.data.yaml} />
          ) : (
            <Skeleton className="h-40 w-full" />
          )}
        </div>
      )}
    </Panel>
  )
}
