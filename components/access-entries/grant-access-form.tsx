'use client'

import { useQuery } from '@tanstack/react-query'
import { Plus, X } from 'lucide-react'
import dynamic from 'next/dynamic'
import { useState } from 'react'
import { useFieldArray, useForm, useWatch } from 'react-hook-form'

import { DurationField } from '@/components/time-bound/duration-field'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { FormError } from '@/components/ui/form-error'
import { ListField } from '@/components/ui/list-field'
import { SelectField, TextField } from '@/components/ui/text-field'
import { useServerFormSubmit } from '@/components/ui/use-server-form-submit'
import type { GrantResult } from '@/lib/access/access-entry-dto'
import type { CreateAccessEntryInput, CreateAccessEntryRequest } from '@/lib/access/access-entry-schema'
import { accessEntryTypes } from '@/lib/access/access-entry-type'
import { AUTO_NODE_POLICY_ARN } from '@/lib/access/access-policy-arn'
import { defaultUsername, describeAccessEntryType } from '@/lib/access/default-username'
import type { GrantPrefill } from '@/lib/access/grant-prefill'
import { findUnboundGroups } from '@/lib/access/kubernetes-warnings'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { kubernetesContextQuery, useGrantAccess } from '@/lib/queries/access-entry-queries'
import { accessPoliciesQuery } from '@/lib/queries/access-policy-queries'
import { timeBoundGrantsQuery } from '@/lib/queries/time-bound-queries'
import { lazySchema, lazyZodResolver } from '@/lib/validation/lazy-schema'

import { GrantCommands } from './grant-commands'
import { GrantSummary } from './grant-summary'
import { PolicyScopeFields } from './policy-scope-fields'
import { PrincipalSearch } from './principal-picker'

// Shown once the grant is sent, with the catalogue's policy texts: it loads then (docs/client-bundle.md).
const GrantResultPanel = dynamic(() => import('./grant-result').then((m) => m.GrantResultPanel))

const createAccessEntrySchema = lazySchema(() =>
  import('@/lib/access/access-entry-schema').then((m) => m.createAccessEntrySchema),
)

const FIELDS = ['principalArn', 'type', 'username', 'kubernetesGroups', 'accessPolicies', 'duration']

/** The duration's error, wherever in the union zod put it (the server's comes on `duration` itself). */
function durationError(error: unknown): string | undefined {
  const e = error as { message?: string; endsAt?: { message?: string } } | undefined
  return e?.message ?? e?.endsAt?.message
}

/** Grant an IAM principal access: create the entry, then associate each policy, showing the CLI equivalent. */
export function GrantAccessForm({ cluster, initial }: { cluster: ClusterRef; initial?: Partial<GrantPrefill> }) {
  const grant = useGrantAccess(cluster)
  const { data: catalogue } = useQuery(accessPoliciesQuery(cluster.region))
  const { data: kube } = useQuery(kubernetesContextQuery(cluster))
  const { data: timeBound } = useQuery(timeBoundGrantsQuery(cluster))
  const [confirmEmpty, setConfirmEmpty] = useState(false)
  const [result, setResult] = useState<GrantResult>()
  const form = useForm<CreateAccessEntryRequest, unknown, CreateAccessEntryInput>({
    resolver: lazyZodResolver(createAccessEntrySchema),
    // `initial`: the URL's prefill (a fix offered by the effective-access analyzer), validated like typed values.
    defaultValues: {
      principalArn: '',
      type: 'STANDARD',
      username: '',
      kubernetesGroups: [],
      accessPolicies: [],
      ...initial,
    },
  })
  const policies = useFieldArray({ control: form.control, name: 'accessPolicies' })
  const draft = useWatch({ control: form.control })
  const { errors } = form.formState
  const type = draft.type ?? 'STANDARD'
  const defaultName = draft.principalArn ? defaultUsername(draft.principalArn, type) : undefined
  const groups = draft.kubernetesGroups ?? []
  const unbound = findUnboundGroups(groups, kube?.available ? kube.boundGroups : null)

  const { onSubmit, formError } = useServerFormSubmit(form, FIELDS, async (input) => {
    if (
      input.type === 'STANDARD' &&
      input.accessPolicies.length === 0 &&
      input.kubernetesGroups.length === 0 &&
      !confirmEmpty
    ) {
      setConfirmEmpty(true)
      return
    }
    setResult(await grant.mutateAsync(input))
  })

  if (result) return <GrantResultPanel cluster={cluster} result={result} />
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6 lg:grid-cols-5">
      <div className="space-y-5 lg:col-span-3">
        <h2 className="text-lg font-semibold">Grant access to {cluster.name}</h2>
        <PrincipalSearch
          region={cluster.region}
          onPick={(arn) => form.setValue('principalArn', arn, { shouldValidate: true })}
        />
        <TextField
          form={form}
          name="principalArn"
          id="principal-arn"
          label="Principal ARN"
          hint="An IAM role or user; paste an ARN from another account if needed. Roles keep their path (e.g. role/aws-reserved/sso.amazonaws.com/…)."
          inputClassName="font-mono"
          spellCheck={false}
        />
        <SelectField
          form={form}
          name="type"
          id="entry-type-select"
          label="Type"
          hint={describeAccessEntryType(type)}
          registerOptions={{
            onChange: (e: { target: { value: string } }) => {
              if (e.target.value === 'EC2')
                form.setValue('accessPolicies', [
                  { policyArn: AUTO_NODE_POLICY_ARN, accessScope: { type: 'cluster', namespaces: [] } },
                ])
            },
          }}
        >
          {accessEntryTypes.map((t) => (
            <option key={t} value={t}>
              {t === 'STANDARD'
                ? 'STANDARD (people and workloads)'
                : t === 'EC2'
                  ? 'EC2 (EKS Auto Mode custom node role)'
                  : t}
            </option>
          ))}
        </SelectField>
        {type === 'STANDARD' ? (
          <>
            <TextField
              form={form}
              name="username"
              id="username"
              label="Kubernetes username (optional)"
              hint={
                defaultName ? `Leave empty for the EKS default: ${defaultName}` : 'Leave empty for the EKS default.'
              }
              inputClassName="font-mono"
              spellCheck={false}
            />
            <ListField
              control={form.control}
              name="kubernetesGroups"
              id="groups"
              label="Kubernetes groups (optional)"
              hint="Comma-separated; RBAC bindings to these groups apply. system: groups are not allowed."
              warning={
                unbound.length > 0
                  ? `No RoleBinding or ClusterRoleBinding names ${unbound.join(', ')}; the group grants nothing yet.`
                  : undefined
              }
            />
          </>
        ) : null}
        {type === 'STANDARD' || type === 'EC2' ? (
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium">Access policies</legend>
            {typeof errors.accessPolicies?.message === 'string' ? (
              <p className="text-xs font-medium text-red-700 dark:text-red-400">{errors.accessPolicies.message}</p>
            ) : null}
            {policies.fields.map((field, index) => {
              const e = errors.accessPolicies?.[index]
              const scope = e?.accessScope as { message?: string } | undefined
              return (
                <div
                  key={field.id}
                  className="relative rounded-md border border-zinc-200 p-3 pr-10 dark:border-zinc-800"
                >
                  <PolicyScopeFields
                    control={form.control}
                    prefix={`accessPolicies.${index}.`}
                    idPrefix={`policy-${index}`}
                    policies={catalogue?.policies ?? []}
                    errors={{
                      policyArn: e?.policyArn?.message,
                      scope: scope?.message,
                    }}
                    knownNamespaces={kube?.available ? kube.namespaces : null}
                    region={cluster.region}
                  />
                  <Button
                    variant="ghost"
                    className="absolute top-2 right-1"
                    aria-label={`Remove policy ${index + 1}`}
                    onClick={() => policies.remove(index)}
                  >
                    <X aria-hidden="true" className="size-4" />
                  </Button>
                </div>
              )
            })}
            <Button
              onClick={() => policies.append({ policyArn: '', accessScope: { type: 'namespace', namespaces: [] } })}
            >
              <Plus aria-hidden="true" className="size-4" /> Add an access policy
            </Button>
          </fieldset>
        ) : null}
        {confirmEmpty ? (
          <Alert variant="warning" title="This entry grants nothing">
            With no access policy and no Kubernetes group, the principal can authenticate but may do nothing. Add a
            policy or a group, or press Create entry again to create it anyway.
          </Alert>
        ) : null}
        {type === 'STANDARD' ? (
          <DurationField
            id="grant-duration"
            bounds={timeBound?.bounds}
            error={durationError(errors.duration)}
            onChange={(duration) => form.setValue('duration', duration, { shouldValidate: true })}
          />
        ) : null}
        <FormError message={formError} />
        <Button type="submit" variant="primary" disabled={grant.isPending}>
          {grant.isPending ? 'Granting…' : confirmEmpty ? 'Create entry anyway' : 'Create entry'}
        </Button>
      </div>
      <div className="space-y-4 lg:col-span-2">
        <GrantSummary draft={draft} policies={catalogue?.policies ?? []} />
        {kube && !kube.available ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{kube.reason}</p> : null}
        <GrantCommands cluster={cluster} draft={draft} />
      </div>
    </form>
  )
}
