'use client'

import { useQuery } from '@tanstack/react-query'
import Link from 'next/link'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'

import { PolicyScopeFields } from '@/components/access-entries/policy-scope-fields'
import { PrincipalSearch } from '@/components/access-entries/principal-picker'
import { Alert } from '@/components/ui/alert'
import { Button, buttonClasses } from '@/components/ui/button'
import { FormError } from '@/components/ui/form-error'
import { TextAreaField, TextField } from '@/components/ui/text-field'
import { useServerFormSubmit } from '@/components/ui/use-server-form-submit'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { kubernetesContextQuery } from '@/lib/queries/access-entry-queries'
import { accessPoliciesQuery } from '@/lib/queries/access-policy-queries'
import { useCreateAccessRequest } from '@/lib/queries/access-request-queries'
import { clusterPagePath } from '@/lib/queries/api-paths'
import { timeBoundGrantsQuery } from '@/lib/queries/time-bound-queries'
import type { AccessRequestDto, createAccessRequestSchema } from '@/lib/time-bound/access-request-schema'
import { lazySchema, lazyZodResolver } from '@/lib/validation/lazy-schema'

import { DurationField } from './duration-field'

type Input = z.input<typeof createAccessRequestSchema>
type Output = z.output<typeof createAccessRequestSchema>
// The route's schema, loaded on first validation (docs/client-bundle.md).
const requestSchema = lazySchema(() =>
  import('@/lib/time-bound/access-request-schema').then((m) => m.createAccessRequestSchema),
)
const FIELDS = ['principalArn', 'policyArn', 'accessScope', 'duration', 'reason']

/** The duration's error, wherever in the union zod put it. */
function durationError(error: unknown): string | undefined {
  const e = error as { message?: string; endsAt?: { message?: string } } | undefined
  return e?.message ?? e?.endsAt?.message
}

/**
 * Ask for time-bound access for an IAM principal: one policy from the catalogue with its scope, how long (within the
 * cluster's maximum) and why. Anyone signed in may; an admin (or an editor, where allowed) decides.
 */
export function RequestAccessForm({ cluster }: { cluster: ClusterRef }) {
  const create = useCreateAccessRequest(cluster)
  const { data: catalogue } = useQuery(accessPoliciesQuery(cluster.region))
  const { data: kube } = useQuery(kubernetesContextQuery(cluster))
  const { data: timeBound } = useQuery(timeBoundGrantsQuery(cluster))
  const [filed, setFiled] = useState<AccessRequestDto>()
  const form = useForm<Input, unknown, Output>({
    resolver: lazyZodResolver(requestSchema),
    defaultValues: {
      principalArn: '',
      policyArn: '',
      accessScope: { type: 'namespace', namespaces: [] },
      duration: { kind: 'preset', preset: '1h' },
      reason: '',
    },
  })
  const { errors } = form.formState
  const { onSubmit, formError } = useServerFormSubmit(form, FIELDS, async (input) =>
    setFiled(await create.mutateAsync(input)),
  )

  if (filed) {
    return (
      <div className="space-y-4">
        <Alert variant="info" title="Request filed">
          Your request for {filed.request.policyArn.split('/').pop()} on {cluster.name} waits for an approver. It
          expires undecided on {new Date(filed.expiresAt).toLocaleString()}.
        </Alert>
        <div className="flex gap-2">
          <Link className={buttonClasses('primary')} href={clusterPagePath(cluster, `requests/${filed.id}`)}>
            View the request
          </Link>
          <Link className={buttonClasses()} href={clusterPagePath(cluster, 'requests')}>
            All requests of {cluster.name}
          </Link>
        </div>
      </div>
    )
  }
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-5">
      <PrincipalSearch
        region={cluster.region}
        onPick={(arn) => form.setValue('principalArn', arn, { shouldValidate: true })}
      />
      <TextField
        form={form}
        name="principalArn"
        id="request-principal-arn"
        label="Principal ARN"
        hint="The IAM role or user that should get the access (e.g. the role you assume)."
        inputClassName="font-mono"
        spellCheck={false}
      />
      <PolicyScopeFields
        control={form.control}
        prefix=""
        idPrefix="request-policy"
        policies={catalogue?.policies ?? []}
        errors={{
          policyArn: errors.policyArn?.message,
          scope: (errors.accessScope as { message?: string } | undefined)?.message,
        }}
        knownNamespaces={kube?.available ? kube.namespaces : null}
        region={cluster.region}
      />
      <DurationField
        id="request-duration"
        allowPermanent={false}
        endPrefix="If approved now, access ends"
        bounds={timeBound?.bounds}
        error={durationError(errors.duration)}
        onChange={(duration) => form.setValue('duration', duration, { shouldValidate: true })}
      />
      <TextAreaField
        form={form}
        name="reason"
        id="request-reason"
        label="Reason"
        hint="What you need it for (a ticket or incident helps the approver); recorded in the audit log."
        rows={3}
      />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        An admin decides, or an editor where an admin allows it; you cannot approve your own request. Undecided requests
        expire after 24 hours. The time counts from the approval.
      </p>
      <FormError message={formError} />
      <Button type="submit" variant="primary" disabled={create.isPending}>
        {create.isPending ? 'Filing…' : 'Request access'}
      </Button>
    </form>
  )
}
