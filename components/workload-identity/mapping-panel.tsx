'use client'

import dynamic from 'next/dynamic'
import { useState } from 'react'

import { Button } from '@/components/ui/button'
import { CodeBlock } from '@/components/ui/code-block'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { DescriptionList, Panel } from '@/components/ui/panel'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { useDeletePodIdentity, useSetIrsaAnnotations } from '@/lib/queries/workload-identity-queries'
import { prettySessionPolicy } from '@/lib/workload-identity/session-policy-text'
import {
  annotateServiceAccountCommand,
  deletePodIdentityCommand,
  IRSA_ANNOTATIONS,
} from '@/lib/workload-identity/workload-identity-commands'
import type { ServiceAccountDetail } from '@/lib/workload-identity/workload-identity-schemas'

import { ChecksList } from './checks-list'
import { MechanismBadge, VerdictBadge } from './verdict-badge'

// Dialogs load when opened: their forms bring react-hook-form and zod, which the page itself does not need
// (docs/client-bundle.md).
const EditPodIdentityDialog = dynamic(() => import('./edit-pod-identity-dialog').then((m) => m.EditPodIdentityDialog))
const IrsaDialog = dynamic(() => import('./irsa-dialog').then((m) => m.IrsaDialog))

type Open = 'edit-pi' | 'delete-pi' | 'irsa' | 'remove-irsa' | null
const none = <span className="text-zinc-600 dark:text-zinc-400">not set</span>

/** The service account's IAM role mapping: both mechanisms, their settings, checks with fixes, and edit controls. */
export function MappingPanel({
  cluster,
  detail,
  canEdit,
  initialOpen = null,
}: {
  cluster: ClusterRef
  detail: ServiceAccountDetail
  canEdit: boolean
  /** `?edit=irsa` deep-links into the IRSA form. */
  initialOpen?: 'irsa' | null
}) {
  const [open, setOpen] = useState<Open>(initialOpen)
  const sa = detail.serviceAccount
  const mapping = detail.mapping
  const deletion = useDeletePodIdentity(cluster)
  const removal = useSetIrsaAnnotations(cluster, sa.namespace, sa.name)
  const pia = mapping?.podIdentity ?? null
  const irsa = mapping?.irsa ?? null
  const removeAll = Object.fromEntries(Object.values(IRSA_ANNOTATIONS).map((k) => [k, null]))
  return (
    <Panel
      title="IAM role mapping"
      description={
        mapping
          ? undefined
          : 'This service account has no IAM role: neither a Pod Identity association nor an IRSA annotation.'
      }
      actions={
        mapping ? (
          <div className="flex items-center gap-2">
            <MechanismBadge mechanism={mapping.mechanism} />
            <VerdictBadge status={mapping.verdict} />
          </div>
        ) : undefined
      }
    >
      <div className="space-y-6">
        <section aria-labelledby="pi-heading" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id="pi-heading" className="text-sm font-semibold">
              EKS Pod Identity
            </h3>
            {canEdit && pia ? (
              <div className="flex gap-2">
                <Button onClick={() => setOpen('edit-pi')}>Edit association</Button>
                <Button onClick={() => setOpen('delete-pi')}>Delete association</Button>
              </div>
            ) : null}
          </div>
          {pia ? (
            <DescriptionList
              items={[
                { label: 'Role', value: <span className="break-all">{pia.roleArn}</span> },
                {
                  label: 'Target role',
                  value: pia.targetRoleArn ? <span className="break-all">{pia.targetRoleArn}</span> : none,
                },
                { label: 'External ID', value: pia.externalId ?? none },
                { label: 'Session tags', value: pia.disableSessionTags ? 'disabled' : 'enabled' },
                { label: 'Association', value: pia.associationId },
                { label: 'Created', value: pia.createdAt ?? 'unknown' },
                {
                  label: 'Session policy',
                  value: pia.policy ? `narrows the ${pia.targetRoleArn ? 'target role' : 'role'} (below)` : none,
                },
              ]}
            />
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No Pod Identity association.</p>
          )}
          {pia?.policy ? <CodeBlock label="Session policy" code={prettySessionPolicy(pia.policy)} /> : null}
        </section>
        <section aria-labelledby="irsa-heading" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 id="irsa-heading" className="text-sm font-semibold">
              IRSA annotation
            </h3>
            {canEdit && sa.exists && sa.resourceVersion ? (
              <div className="flex gap-2">
                <Button onClick={() => setOpen('irsa')}>{irsa ? 'Change IRSA role' : 'Set IRSA role'}</Button>
                {irsa ? <Button onClick={() => setOpen('remove-irsa')}>Remove IRSA role</Button> : null}
              </div>
            ) : null}
          </div>
          {irsa ? (
            <DescriptionList
              items={[
                { label: 'Role', value: <span className="break-all">{irsa.roleArn}</span> },
                { label: 'Audience', value: irsa.audience ?? 'sts.amazonaws.com (default)' },
                { label: 'Regional STS endpoints', value: irsa.stsRegionalEndpoints ?? none },
                {
                  label: 'Token expiration',
                  value: irsa.tokenExpiration ? `${irsa.tokenExpiration} s` : '86400 s (default)',
                },
              ]}
            />
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No eks.amazonaws.com/role-arn annotation.</p>
          )}
        </section>
        {mapping ? (
          <section aria-labelledby="checks-heading" className="space-y-3">
            <h3 id="checks-heading" className="text-sm font-semibold">
              Checks
            </h3>
            <ChecksList
              cluster={cluster}
              facts={detail.cluster}
              namespace={sa.namespace}
              serviceAccount={sa.name}
              checks={mapping.checks}
              canEdit={canEdit}
            />
          </section>
        ) : null}
      </div>
      {canEdit && open === 'edit-pi' && pia ? (
        <EditPodIdentityDialog cluster={cluster} association={pia} onClose={() => setOpen(null)} />
      ) : null}
      {canEdit && open === 'irsa' && sa.resourceVersion ? (
        <IrsaDialog
          cluster={cluster}
          namespace={sa.namespace}
          name={sa.name}
          resourceVersion={sa.resourceVersion}
          annotations={sa.annotations}
          onClose={() => setOpen(null)}
        />
      ) : null}
      <ConfirmDialog
        open={open === 'delete-pi' && pia !== null}
        onOpenChange={(next) => !next && setOpen(null)}
        title="Delete the Pod Identity association?"
        confirmLabel="Delete association"
        pending={deletion.isPending}
        error={deletion.error?.message}
        onConfirm={() => pia && deletion.mutate(pia.associationId, { onSuccess: () => setOpen(null) })}
      >
        <p>
          Pods of {sa.namespace}/{sa.name} lose the credentials of <strong>{pia?.roleArn}</strong> when they next fetch
          them.
        </p>
        {pia ? (
          <CodeBlock label="Equivalent AWS CLI command" code={deletePodIdentityCommand(cluster, pia.associationId)} />
        ) : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={open === 'remove-irsa' && irsa !== null}
        onOpenChange={(next) => !next && setOpen(null)}
        title="Remove the IRSA role?"
        confirmLabel="Remove IRSA role"
        pending={removal.isPending}
        error={removal.error?.message}
        onConfirm={() =>
          sa.resourceVersion &&
          removal.mutate({ roleArn: '', resourceVersion: sa.resourceVersion }, { onSuccess: () => setOpen(null) })
        }
      >
        <p>
          New pods of {sa.namespace}/{sa.name} will no longer get <strong>{irsa?.roleArn}</strong>; the audience,
          regional STS and token expiration annotations go too.
        </p>
        <CodeBlock
          label="Equivalent kubectl command"
          code={annotateServiceAccountCommand(
            { namespace: sa.namespace, name: sa.name, resourceVersion: sa.resourceVersion ?? undefined },
            removeAll,
          )}
        />
      </ConfirmDialog>
    </Panel>
  )
}
