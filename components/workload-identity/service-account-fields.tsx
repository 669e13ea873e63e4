'use client'

import { useQuery } from '@tanstack/react-query'

import { fieldIds, FormField, inputClasses } from '@/components/ui/form-field'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { serviceAccountChoicesQuery } from '@/lib/queries/workload-identity-queries'

/**
 * Namespace and service account pickers from the cluster. The service account is free text with suggestions, so a
 * missing one can be named (and created); `missing` tells the form whether it exists.
 */
export function ServiceAccountFields({
  cluster,
  namespace,
  serviceAccount,
  errors,
  register,
}: {
  cluster: ClusterRef
  namespace: string
  serviceAccount: string
  errors: { namespace?: string; serviceAccount?: string }
  register: (name: 'namespace' | 'serviceAccount') => Record<string, unknown>
}) {
  const { data, error } = useQuery(serviceAccountChoicesQuery(cluster))
  const inNamespace = (data?.serviceAccounts ?? []).filter((sa) => sa.namespace === namespace)
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField
        id="sa-namespace"
        label="Namespace"
        error={errors.namespace ?? (error ? `Cannot list namespaces: ${error.message}` : undefined)}
      >
        <select
          {...fieldIds('sa-namespace', errors.namespace)}
          className={inputClasses(!!errors.namespace)}
          {...register('namespace')}
        >
          <option value="">Choose a namespace</option>
          {(data?.namespaces ?? []).map((ns) => (
            <option key={ns} value={ns}>
              {ns}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        id="sa-name"
        label="Service account"
        error={errors.serviceAccount}
        hint={
          namespace
            ? `${inNamespace.length} in ${namespace}; type a new name to create one.`
            : 'Choose a namespace first.'
        }
      >
        <input
          {...fieldIds('sa-name', errors.serviceAccount, true)}
          className={inputClasses(!!errors.serviceAccount)}
          list="sa-name-options"
          autoComplete="off"
          {...register('serviceAccount')}
        />
        <datalist id="sa-name-options">
          {inNamespace.map((sa) => (
            <option key={sa.name} value={sa.name} />
          ))}
        </datalist>
      </FormField>
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
