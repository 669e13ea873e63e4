'use client'

import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Plus } from 'lucide-react'
import dynamic from 'next/dynamic'
import { useState } from 'react'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { CodeBlock } from '@/components/ui/code-block'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { Panel } from '@/components/ui/panel'
import { QueryError } from '@/components/ui/query-error'
import { Skeleton } from '@/components/ui/skeleton'
import { formatShellCommand } from '@/lib/access/cli-commands'
import { hasRole } from '@/lib/auth/console-role'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { buildDisassociateIdentityProviderArgs } from '@/lib/identity-providers/identity-provider-commands'
import type { IdentityProviderDto } from '@/lib/identity-providers/identity-provider-dto'
import { whoamiQuery } from '@/lib/queries/cluster-queries'
import {
  identityProviderKeys,
  identityProvidersQuery,
  useDisassociateIdentityProvider,
} from '@/lib/queries/identity-provider-queries'

import { ProviderUpdateProgress } from './provider-update-progress'
import { ProvidersTable } from './providers-table'
import { RoleBindingCommand } from './rolebinding-command'

// The form loads when opened: it brings react-hook-form and zod (docs/client-bundle.md).
const AssociateProviderForm = dynamic(() => import('./associate-provider-form').then((m) => m.AssociateProviderForm))

/** A cluster's external OIDC identity providers: list, associate (admins), disassociate (admins), RBAC help. */
export function IdentityProvidersPage({ cluster }: { cluster: ClusterRef }) {
  const queryClient = useQueryClient()
  const { data, error, isPending, refetch } = useQuery(identityProvidersQuery(cluster))
  const { data: whoami } = useQuery(whoamiQuery())
  const canEdit = hasRole(whoami?.role ?? 'viewer', 'admin')
  const [adding, setAdding] = useState(false)
  const [running, setRunning] = useState<{ id: string; what: string }>()
  const [removing, setRemoving] = useState<IdentityProviderDto>()
  const disassociate = useDisassociateIdentityProvider(cluster)

  if (isPending)
    return (
      <div aria-busy="true" aria-label="Loading identity providers" className="space-y-3">
        <Skeleton className="h-20 w-full" />
        <Skeleton className="h-40 w-full" />
      </div>
    )
  if (error) return <QueryError error={error} what="the identity providers" onRetry={() => void refetch()} />
  const refresh = () => void queryClient.invalidateQueries({ queryKey: identityProviderKeys.list(cluster) })
  const busy = data.providers.some((p) => p.status !== 'ACTIVE')
  const full = data.providers.length >= data.maxProviders
  const limit =
    data.maxProviders === 1
      ? `Kubernetes ${data.kubernetesVersion} takes one OIDC provider (up to 10 from 1.32).`
      : `Kubernetes ${data.kubernetesVersion} takes up to ${data.maxProviders} OIDC providers.`

  return (
    <div className="space-y-6">
      <Panel
        title="OIDC identity providers"
        description={`People sign in to the Kubernetes API with ID tokens from your IdP, alongside IAM. ${limit}`}
        actions={
          canEdit && !adding ? (
            <Button
              variant="primary"
              disabled={busy || full}
              title={busy ? 'Wait for the running change' : full ? 'The cluster has its maximum' : undefined}
              onClick={() => setAdding(true)}
            >
              <Plus aria-hidden="true" className="size-4" /> Associate a provider
            </Button>
          ) : !canEdit ? (
            <span className="text-xs text-zinc-600 dark:text-zinc-400">Only console admins can change providers.</span>
          ) : null
        }
      >
        <div className="space-y-4">
          {running ? (
            <ProviderUpdateProgress cluster={cluster} updateId={running.id} what={running.what} onDone={refresh} />
          ) : null}
          {data.providers.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              No identity provider is associated: only IAM principals can authenticate to this cluster.
            </p>
          ) : (
            <ProvidersTable providers={data.providers} canEdit={canEdit} onDisassociate={setRemoving} />
          )}
        </div>
      </Panel>

      {adding ? (
        <Panel title="Associate an OIDC identity provider" description="EKS’s rules are checked before the request.">
          <AssociateProviderForm
            cluster={cluster}
            state={data}
            onCancel={() => setAdding(false)}
            onStarted={(id, name) => {
              setAdding(false)
              setRunning({ id, what: `Associating ${name}` })
            }}
          />
        </Panel>
      ) : null}

      <Panel title="What OIDC users get" description="Kubernetes RBAC only.">
        <div className="space-y-3 text-sm">
          <Alert variant="info" title="No access policies for OIDC users">
            EKS access entries and access policies apply to IAM principals. A person signed in through an OIDC provider
            is the prefixed username and groups from the token, and has exactly what RoleBindings and
            ClusterRoleBindings give those names. Disassociating the provider takes their access away.
          </Alert>
          {data.providers.map((p) => (
            <RoleBindingCommand key={p.name} provider={p} />
          ))}
        </div>
      </Panel>

      {removing ? (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && setRemoving(undefined)}
          title={`Disassociate ${removing.name}?`}
          confirmLabel="Disassociate"
          pending={disassociate.isPending}
          error={disassociate.error?.message}
          onConfirm={() => {
            const name = removing.name
            disassociate.mutate(name, {
              onSuccess: (update) => {
                setRemoving(undefined)
                setRunning({ id: update.id, what: `Disassociating ${name}` })
              },
            })
          }}
        >
          <p className="text-sm">
            Everyone who signs in through <span className="font-mono">{removing.issuerUrl}</span> loses access to this
            cluster once EKS finishes; their RoleBindings stay but match nobody.
          </p>
          <CodeBlock
            label="Equivalent AWS CLI command"
            code={formatShellCommand(buildDisassociateIdentityProviderArgs(cluster, removing.name))}
          />
        </ConfirmDialog>
      ) : null}
    </div>
  )
}
