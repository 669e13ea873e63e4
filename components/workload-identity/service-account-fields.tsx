'use client'

import { useQuery } from '@tanstack/react-query'
import type { Path } from 'react-hook-form'

import { SelectField, TextField, type FieldForm } from '@/components/ui/text-field'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { serviceAccountChoicesQuery } from '@/lib/queries/workload-identity-queries'

type ServiceAccountPick = { namespace: string; serviceAccount: string }

/**
 * Namespace and service account pickers from the cluster. The service account is free text with suggestions, so a
 * missing one can be named (and created); `missing` tells the form whether it exists.
 */
export function ServiceAccountFields<T extends ServiceAccountPick>({
  cluster,
  namespace,
  serviceAccount,
  form,
}: {
  cluster: ClusterRef
  namespace: string
  serviceAccount: string
  /** A form with (at least) the `namespace` and `serviceAccount` fields. */
  form: FieldForm<T>
}) {
  const { data, error } = useQuery(serviceAccountChoicesQuery(cluster))
  const inNamespace = (data?.serviceAccounts ?? []).filter((sa) => sa.namespace === namespace)
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <SelectField
        form={form}
        name={'namespace' as Path<T>}
        id="sa-namespace"
        label="Namespace"
        error={error ? `Cannot list namespaces: ${error.message}` : undefined}
      >
        <option value="">Choose a namespace</option>
        {(data?.namespaces ?? []).map((ns) => (
          <option key={ns} value={ns}>
            {ns}
          </option>
        ))}
      </SelectField>
      <TextField
        form={form}
        name={'serviceAccount' as Path<T>}
        id="sa-name"
        label="Service account"
        hint={
          namespace
            ? `${inNamespace.length} in ${namespace}; type a new name to create one.`
            : 'Choose a namespace first.'
        }
        list="sa-name-options"
        autoComplete="off"
      />
      <datalist id="sa-name-options">
        {inNamespace.map((sa) => (
          <option key={sa.name} value={sa.name} />
        ))}
      </datalist>
      {data && namespace && serviceAccount && !inNamespace.some((sa) => sa.name === serviceAccount) ? (
        <p className="text-xs text-amber-700 sm:col-span-2 dark:text-amber-300">
          {namespace}/{serviceAccount} does not exist yet.
        </p>
      ) : null}
    </div>
  )
}

/** Whether the chosen service account exists, from the cached choices. */
export function useServiceAccountExists(cluster: ClusterRef, namespace: string, name: string): boolean | undefined {
  const { data } = useQuery(serviceAccountChoicesQuery(cluster))
  if (!data || !namespace || !name) return undefined
  return data.serviceAccounts.some((sa) => sa.namespace === namespace && sa.name === name)
}
