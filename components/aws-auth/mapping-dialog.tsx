'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'

import { DurationField } from '@/components/time-bound/duration-field'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { ListField } from '@/components/ui/list-field'
import { TextField } from '@/components/ui/text-field'
import type { AwsAuthRowDto, AwsAuthViewDto } from '@/lib/aws-auth/aws-auth-dto'
import { awsAuthMappingSchema, type AwsAuthChangeRequest } from '@/lib/aws-auth/aws-auth-schemas'
import { stripRolePath } from '@/lib/aws-auth/aws-auth-validation'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { timeBoundGrantsQuery } from '@/lib/queries/time-bound-queries'
import type { GrantDuration } from '@/lib/time-bound/grant-duration'

import { ChangeReview } from './change-review'

type Input = z.input<typeof awsAuthMappingSchema>
type Output = z.output<typeof awsAuthMappingSchema>

/** Add a mapping (row undefined) or change one: the form, then the diff to approve (ChangeReview). */
export function MappingDialog({
  cluster,
  view,
  row,
  onClose,
  onSaved,
}: {
  cluster: ClusterRef
  view: AwsAuthViewDto
  row?: AwsAuthRowDto
  onClose: () => void
  onSaved: (message: string) => void
}) {
  const [change, setChange] = useState<AwsAuthChangeRequest>()
  const [stripped, setStripped] = useState<string>()
  // Only an added row can be time-bound (the console then removes exactly that row when it ends).
  const [duration, setDuration] = useState<GrantDuration>({ kind: 'permanent' })
  const { data: timeBound } = useQuery({ ...timeBoundGrantsQuery(cluster), enabled: row === undefined })
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(awsAuthMappingSchema),
    defaultValues: row
      ? { kind: row.kind, arn: row.arn, username: row.username ?? '', groups: row.groups }
      : { kind: 'role', arn: '', username: '', groups: [] },
  })
  const kind = useWatch({ control: form.control, name: 'kind' })
  const section = kind === 'role' ? 'mapRoles' : 'mapUsers'
  const onSubmit = form.handleSubmit((mapping) => {
    // Same ARN (ignoring case) twice in a section: the authenticator keeps only the last. The route checks it too.
    const clash = view[section].find(
      (r) => r.arn.toLowerCase() === mapping.arn.toLowerCase() && r.index !== (row?.index ?? -1),
    )
    if (clash) {
      form.setError('arn', { message: `Already mapped by entry ${clash.index + 1}; edit that entry instead.` })
      return
    }
    setChange(
      row
        ? { op: 'update', section: row.section, index: row.index, arn: row.arn, mapping }
        : { op: 'add', section, mapping },
    )
  })
  const stripPath = () => {
    const arn = form.getValues('arn').trim()
    const withoutPath = stripRolePath(arn)
    if (withoutPath) {
      form.setValue('arn', withoutPath, { shouldValidate: true })
      setStripped(arn)
    }
  }
  const arnHint = stripped
    ? `The path was removed from ${stripped}: role sessions lose the path, so aws-auth only matches the ARN without it.`
    : kind === 'role'
      ? 'Without a path: aws-auth compares the caller’s role ARN, which never carries one.'
      : undefined
  const title = row ? `Edit mapping ${row.arn.split('/').pop()}` : 'Add an aws-auth mapping'
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={title} wide>
      {change ? (
        <ChangeReview
          cluster={cluster}
          view={view}
          change={change}
          duration={row ? undefined : duration}
          onCancel={() => {
            // Back to the form: its duration field starts again at Permanent, and so does the change.
            setChange(undefined)
            setDuration({ kind: 'permanent' })
          }}
          onDone={() => onSaved(row ? 'Mapping changed.' : 'Mapping added.')}
        />
      ) : (
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          {row ? null : (
            <fieldset className="space-y-1.5">
              <legend className="text-sm font-medium">Principal type</legend>
              <div className="flex gap-4 text-sm">
                {(['role', 'user'] as const).map((value) => (
                  <label key={value} className="flex items-center gap-2">
                    <input type="radio" value={value} {...form.register('kind')} />
                    IAM {value} ({value === 'role' ? 'mapRoles' : 'mapUsers'})
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <TextField
            form={form}
            name="arn"
            id="aws-auth-arn"
            label={kind === 'role' ? 'Role ARN (rolearn)' : 'User ARN (userarn)'}
            hint={arnHint}
            inputClassName="font-mono"
            registerOptions={{ onBlur: kind === 'role' ? stripPath : undefined }}
            spellCheck={false}
            readOnly={row !== undefined}
          />
          <TextField
            form={form}
            name="username"
            id="aws-auth-username"
            label="Kubernetes username"
            hint="Templates: {{SessionName}}, {{SessionNameRaw}}, {{AccountID}}, {{AccessKeyID}}, {{EC2PrivateDNSName}}."
            inputClassName="font-mono"
            spellCheck={false}
          />
          <ListField
            control={form.control}
            name="groups"
            id="aws-auth-groups"
            label="Kubernetes groups"
            hint="Comma-separated. system:masters makes the principal a cluster admin that RBAC cannot limit."
          />
          {row ? null : <DurationField id="aws-auth-duration" bounds={timeBound?.bounds} onChange={setDuration} />}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button type="submit" variant="primary">
              Review change
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  )
}
