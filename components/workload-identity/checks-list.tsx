'use client'

import dynamic from 'next/dynamic'
import { useState } from 'react'

import { Button } from '@/components/ui/button'
import { CodeBlock } from '@/components/ui/code-block'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { addClientIdCommand, createOidcProviderCommand } from '@/lib/workload-identity/workload-identity-commands'
import type { Check, ClusterIdentityFacts, Mechanism } from '@/lib/workload-identity/workload-identity-schemas'

import { OidcProviderButton } from './oidc-provider-button'
import { VerdictBadge } from './verdict-badge'

// Dialogs load when opened: their forms bring react-hook-form and zod, which the page itself does not need
// (docs/client-bundle.md).
const OidcClientIdButton = dynamic(() => import('./oidc-client-id-button').then((m) => m.OidcClientIdButton))
const TrustFixDialog = dynamic(() => import('./trust-fix-dialog').then((m) => m.TrustFixDialog))

/** Each check as a verdict, its reason, and the exact change that fixes it (a button for editors, else the command). */
export function ChecksList({
  cluster,
  facts,
  namespace,
  serviceAccount,
  checks,
  canEdit,
}: {
  cluster: ClusterRef
  facts: ClusterIdentityFacts
  namespace: string
  serviceAccount: string
  checks: Check[]
  canEdit: boolean
}) {
  const [fixing, setFixing] = useState<Mechanism | null>(null)
  return (
    <>
      <ul aria-label="Checks" className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {checks.map((check) => (
          <li key={check.id} className="space-y-2 py-3 first:pt-0 last:pb-0">
            <div className="flex flex-wrap items-center gap-2">
              <VerdictBadge status={check.status} />
              <h3 className="text-sm font-semibold">{check.title}</h3>
            </div>
            <p className="text-sm text-zinc-700 dark:text-zinc-300">{check.reason}</p>
            {check.fix?.kind === 'trust-policy' ? (
              <Button
                variant={canEdit ? 'primary' : 'secondary'}
                onClick={() => setFixing(check.fix?.kind === 'trust-policy' ? check.fix.mechanism : null)}
              >
                {canEdit ? 'Fix trust policy…' : 'Show the fix…'}
              </Button>
            ) : null}
            {check.fix?.kind === 'create-oidc-provider' && facts.oidcIssuer ? (
              canEdit ? (
                <OidcProviderButton cluster={cluster} issuer={facts.oidcIssuer} />
              ) : (
                <CodeBlock label="Create it with the AWS CLI" code={createOidcProviderCommand(facts.oidcIssuer)} />
              )
            ) : null}
            {check.fix?.kind === 'add-client-id' && facts.oidcProvider ? (
              canEdit ? (
                <OidcClientIdButton
                  cluster={cluster}
                  providerArn={facts.oidcProvider.arn}
                  audience={check.fix.audience}
                />
              ) : (
                <CodeBlock
                  label="Add it with the AWS CLI"
                  code={addClientIdCommand(facts.oidcProvider.arn, check.fix.audience)}
                />
              )
            ) : null}
            {check.fix?.kind === 'command' ? <CodeBlock label={check.fix.label} code={check.fix.command} /> : null}
          </li>
        ))}
      </ul>
      {fixing ? (
        <TrustFixDialog
          cluster={cluster}
          target={{ namespace, serviceAccount, mechanism: fixing }}
          canApply={canEdit}
          onClose={() => setFixing(null)}
        />
      ) : null}
    </>
  )
}
