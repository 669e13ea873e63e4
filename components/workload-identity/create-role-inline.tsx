'use client'

import { useState } from 'react'

import { Button } from '@/components/ui/button'
import { CodeBlock } from '@/components/ui/code-block'
import { fieldIds, FormField, inputClasses } from '@/components/ui/form-field'
import { ApiError } from '@/lib/api/api-error'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { useCreateWorkloadRole } from '@/lib/queries/workload-identity-queries'
import { createRoleCommand } from '@/lib/workload-identity/workload-identity-commands'
import type { Mechanism } from '@/lib/workload-identity/workload-identity-schemas'

/**
 * "Create a role for me": CreateRole with the trust policy this mechanism needs for this service account (no
 * permissions attached; the person adds those in IAM). On success the form's role field gets the new ARN.
 */
export function CreateRoleInline({
  cluster,
  mechanism,
  namespace,
  serviceAccount,
  onCreated,
}: {
  cluster: ClusterRef
  mechanism: Mechanism
  namespace: string
  serviceAccount: string
  onCreated: (arn: string) => void
}) {
  const [open, setOpen] = useState(false)
  const [roleName, setRoleName] = useState('')
  const mutation = useCreateWorkloadRole()
  const issue =
    mutation.error instanceof ApiError ? mutation.error.issues.find((i) => i.path[0] === 'roleName') : undefined
  const error = issue?.message ?? mutation.error?.message
  if (!open)
    return (
      <Button onClick={() => setOpen(true)} disabled={!namespace || !serviceAccount}>
        Create a role for me…
      </Button>
    )
  return (
    <div className="space-y-3 rounded-md border border-dashed border-zinc-300 p-3 dark:border-zinc-700">
      <FormField
        id="new-role-name"
        label="New role name"
        error={error}
        hint={`Trusts ${mechanism === 'irsa' ? `this cluster's OIDC provider for system:serviceaccount:${namespace}:${serviceAccount}` : 'pods.eks.amazonaws.com (sts:AssumeRole, sts:TagSession)'}. Attach permission policies in IAM afterwards.`}
      >
        <input
          {...fieldIds('new-role-name', error, true)}
          className={inputClasses(!!error)}
          value={roleName}
          onChange={(e) => setRoleName(e.target.value)}
        />
      </FormField>
      <CodeBlock label="Equivalent AWS CLI command" code={createRoleCommand(roleName || '<role-name>')} />
      {mutation.data ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Created {mutation.data.arn}.
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button
          variant="primary"
          disabled={mutation.isPending || roleName.trim() === ''}
          onClick={() =>
            mutation.mutate(
              {
                region: cluster.region,
                cluster: cluster.name,
                roleName: roleName.trim(),
                mechanism,
                namespace,
                serviceAccount,
              },
              { onSuccess: (role) => onCreated(role.arn) },
            )
          }
        >
          {mutation.isPending ? 'Creating…' : 'Create role'}
        </Button>
        <Button onClick={() => setOpen(false)}>Close</Button>
      </div>
    </div>
  )
}
