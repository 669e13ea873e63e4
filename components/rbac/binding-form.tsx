'use client'

import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'

import { DurationField } from '@/components/time-bound/duration-field'
import { Button } from '@/components/ui/button'
import { CodeBlock } from '@/components/ui/code-block'
import { FormError } from '@/components/ui/form-error'
import { SelectField, TextField } from '@/components/ui/text-field'
import { useServerFormSubmit } from '@/components/ui/use-server-form-submit'
import { formatShellCommand } from '@/lib/access/cli-commands'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { rbacOverviewQuery, useCreateBinding } from '@/lib/queries/rbac-queries'
import { timeBoundGrantsQuery } from '@/lib/queries/time-bound-queries'
import type { CreateBindingInput, CreateBindingRequest } from '@/lib/rbac/rbac-binding-schema'
import { buildCreateBindingArgs } from '@/lib/rbac/rbac-commands'
import type { BindingWriteResult } from '@/lib/rbac/rbac-dto'
import { lazySchema, lazyZodResolver } from '@/lib/validation/lazy-schema'

import { BindingCreated } from './binding-created'

// The route's schema, loaded on first validation (docs/client-bundle.md).
const createBindingSchema = lazySchema(() =>
  import('@/lib/rbac/rbac-binding-schema').then((m) => m.createBindingSchema),
)

const FIELDS = [
  'kind',
  'name',
  'namespace',
  'roleKind',
  'roleName',
  'subjectKind',
  'subjectName',
  'subjectNamespace',
  'duration',
]

/** `devs-view`: a binding name from the subject and role (what people usually call them), lower-cased and safe. */
function suggestName(subject: string | undefined, role: string | undefined): string {
  const clean = (s: string | undefined) =>
    (s ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
  return [clean(subject), clean(role)].filter(Boolean).join('-').slice(0, 253)
}

function durationError(error: unknown): string | undefined {
  const e = error as { message?: string; endsAt?: { message?: string } } | undefined
  return e?.message ?? e?.endsAt?.message
}

/** Create a RoleBinding or ClusterRoleBinding for a user, group or service account, with the kubectl equivalent. */
export function BindingForm({ cluster, initial }: { cluster: ClusterRef; initial: Partial<CreateBindingRequest> }) {
  const create = useCreateBinding(cluster)
  const { data: rbac } = useQuery(rbacOverviewQuery(cluster))
  const { data: timeBound } = useQuery(timeBoundGrantsQuery(cluster))
  const [result, setResult] = useState<BindingWriteResult>()
  const form = useForm<CreateBindingRequest, unknown, CreateBindingInput>({
    resolver: lazyZodResolver(createBindingSchema),
    defaultValues: {
      kind: 'RoleBinding',
      roleKind: 'ClusterRole',
      subjectKind: 'Group',
      subjectName: '',
      roleName: '',
      namespace: '',
      ...initial,
      name: initial.name ?? suggestName(initial.subjectName, initial.roleName),
    },
  })
  const draft = useWatch({ control: form.control })
  const { errors, dirtyFields } = form.formState
  const namespaced = draft.kind === 'RoleBinding'
  const roles =
    draft.roleKind === 'Role'
      ? (rbac?.roles ?? []).filter((r) => r.namespace === draft.namespace)
      : (rbac?.clusterRoles ?? [])
  const namespaces = [...new Set((rbac?.roles ?? []).map((r) => r.namespace ?? ''))].filter(Boolean).sort()
  const renameFrom = (field: 'subjectName' | 'roleName') => ({
    onChange: (e: { target: { value: string } }) => {
      if (dirtyFields.name) return
      const next = { subjectName: draft.subjectName, roleName: draft.roleName, [field]: e.target.value }
      form.setValue('name', suggestName(next.subjectName, next.roleName))
    },
  })

  const { onSubmit, formError } = useServerFormSubmit(form, FIELDS, async (input) => {
    setResult(await create.mutateAsync(input))
  })

  if (result) return <BindingCreated cluster={cluster} result={result} />
  const argv = buildCreateBindingArgs({
    kind: draft.kind ?? 'RoleBinding',
    name: draft.name ?? '',
    namespace: draft.namespace,
    roleKind: draft.roleKind ?? 'ClusterRole',
    roleName: draft.roleName ?? '',
    subjectKind: draft.subjectKind ?? 'Group',
    subjectName: draft.subjectName ?? '',
    subjectNamespace: draft.subjectNamespace,
  })
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6 lg:grid-cols-5">
      <div className="space-y-5 lg:col-span-3">
        <h2 className="text-lg font-semibold">Create a binding on {cluster.name}</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            form={form}
            name="kind"
            id="binding-kind"
            label="Kind"
            hint={
              namespaced
                ? 'Grants the role in one namespace.'
                : 'Grants the ClusterRole in every namespace and on cluster-scoped resources.'
            }
            registerOptions={{
              onChange: (e: { target: { value: string } }) =>
                e.target.value === 'ClusterRoleBinding' && form.setValue('roleKind', 'ClusterRole'),
            }}
          >
            <option value="RoleBinding">RoleBinding (one namespace)</option>
            <option value="ClusterRoleBinding">ClusterRoleBinding (whole cluster)</option>
          </SelectField>
          {namespaced ? (
            <TextField
              form={form}
              name="namespace"
              id="binding-namespace"
              label="Namespace"
              list="binding-namespaces"
              inputClassName="font-mono"
              spellCheck={false}
            />
          ) : null}
        </div>
        <datalist id="binding-namespaces">
          {namespaces.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-medium">Subject</legend>
          <SelectField form={form} name="subjectKind" id="subject-kind" label="Subject kind">
            <option value="Group">Group</option>
            <option value="User">User</option>
            <option value="ServiceAccount">ServiceAccount</option>
          </SelectField>
          <TextField
            form={form}
            name="subjectName"
            id="subject-name"
            label="Subject name"
            hint={
              draft.subjectKind === 'User'
                ? 'The Kubernetes username, e.g. an access entry’s username.'
                : draft.subjectKind === 'Group'
                  ? 'e.g. a Kubernetes group an access entry or aws-auth mapping carries.'
                  : undefined
            }
            inputClassName="font-mono"
            spellCheck={false}
            registerOptions={renameFrom('subjectName')}
          />
          {draft.subjectKind === 'ServiceAccount' ? (
            <TextField
              form={form}
              name="subjectNamespace"
              id="subject-namespace"
              label="Service account namespace"
              hint={namespaced ? 'Leave empty for the binding’s namespace.' : undefined}
              inputClassName="font-mono"
              spellCheck={false}
            />
          ) : null}
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-medium">Role</legend>
          <SelectField form={form} name="roleKind" id="role-kind" label="Role kind">
            <option value="ClusterRole">ClusterRole</option>
            {namespaced ? <option value="Role">Role (in the binding’s namespace)</option> : null}
          </SelectField>
          <TextField
            form={form}
            name="roleName"
            id="role-name"
            label="Role name"
            list="binding-roles"
            inputClassName="font-mono"
            spellCheck={false}
            registerOptions={renameFrom('roleName')}
          />
          <datalist id="binding-roles">
            {roles.map((r) => (
              <option key={`${r.namespace}/${r.name}`} value={r.name} />
            ))}
          </datalist>
        </fieldset>
        <TextField
          form={form}
          name="name"
          id="binding-name"
          label="Binding name"
          hint="Suggested from the subject and role until you change it."
          inputClassName="font-mono"
          spellCheck={false}
        />
        <DurationField
          id="binding-duration"
          bounds={timeBound?.bounds}
          error={durationError(errors.duration)}
          onChange={(duration) => form.setValue('duration', duration, { shouldValidate: true })}
        />
        <FormError message={formError} />
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : `Create ${draft.kind ?? 'RoleBinding'}`}
        </Button>
      </div>
      <div className="space-y-4 lg:col-span-2">
        <CodeBlock label="Equivalent kubectl command" code={formatShellCommand(argv)} />
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          Kubernetes lets the console grant only permissions its own identity holds (or roles it may bind): RBAC
          escalation prevention applies to the console as to kubectl.
          {draft.duration && draft.duration.kind !== 'permanent'
            ? ' The console deletes a time-bound binding when it ends; kubectl has no equivalent.'
            : ''}
        </p>
      </div>
    </form>
  )
}
