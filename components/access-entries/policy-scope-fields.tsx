'use client'

import { Controller, useWatch, type Control, type FieldValues, type Path } from 'react-hook-form'

import { accessPoliciesPath } from '@/components/access-policies/policy-labels'
import { fieldIds, FormField, inputClasses } from '@/components/ui/form-field'
import { ListField } from '@/components/ui/list-field'
import type { AccessPolicyDto } from '@/lib/access/access-entry-dto'
import { findMissingNamespaces } from '@/lib/access/kubernetes-warnings'

/**
 * One access policy with its scope: the policy (from ListAccessPolicies), cluster or namespace scope, and the
 * namespaces (wildcards like dev-* allowed).
 */
export function PolicyScopeFields<T extends FieldValues, O extends FieldValues>({
  control,
  prefix,
  idPrefix,
  policies,
  errors,
  knownNamespaces,
  lockPolicy,
  region,
}: {
  control: Control<T, unknown, O>
  /** Where the policy sits in the form: `''` when the form is the policy, `accessPolicies.0.` in a list. */
  prefix: '' | `${string}.`
  idPrefix: string
  policies: readonly AccessPolicyDto[]
  /** The namespaces field finds its own error in the form. */
  errors: { policyArn?: string; scope?: string }
  knownNamespaces: readonly string[] | null
  lockPolicy?: boolean
  /** The cluster's region: links the picker to the access-policy catalogue for that region. */
  region?: string
}) {
  const path = (field: string) => `${prefix}${field}` as Path<T>
  const policyArn: unknown = useWatch({ control, name: path('policyArn') })
  const chosen = policies.find((p) => p.arn === policyArn)
  const scopeType: unknown = useWatch({ control, name: path('accessScope.type') })
  const watchedNamespaces: unknown = useWatch({ control, name: path('accessScope.namespaces') })
  const namespaces = Array.isArray(watchedNamespaces) ? watchedNamespaces.map(String) : []
  const missing = scopeType === 'namespace' ? findMissingNamespaces(namespaces, knownNamespaces) : []
  const policyId = `${idPrefix}-policy`
  const nsId = `${idPrefix}-namespaces`
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <FormField
        id={policyId}
        label="Access policy"
        error={errors.policyArn}
        hint={
          region ? (
            <>
              {chosen?.summary ? `${chosen.summary} ` : null}
              <a
                href={accessPoliciesPath(region, chosen?.name)}
                target="_blank"
                rel="noreferrer"
                className="font-medium text-sky-700 underline dark:text-sky-400"
              >
                {chosen ? `What ${chosen.name} allows` : 'What each policy allows'}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            </>
          ) : undefined
        }
      >
        <Controller
          control={control}
          name={path('policyArn')}
          render={({ field }) => (
            <select
              {...fieldIds(policyId, errors.policyArn, Boolean(region))}
              className={inputClasses(!!errors.policyArn)}
              value={(field.value as string | undefined) ?? ''}
              onChange={field.onChange}
              disabled={lockPolicy}
            >
              <option value="">Choose a policy…</option>
              {policies.map((p) => (
                <option key={p.arn} value={p.arn}>
                  {p.name}
                  {p.managedByEks ? ' (used by EKS itself)' : ''}
                </option>
              ))}
            </select>
          )}
        />
      </FormField>
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium">Scope</legend>
        <Controller
          control={control}
          name={path('accessScope')}
          render={({ field }) => (
            <div className="flex gap-4 pt-1.5 text-sm">
              {(['cluster', 'namespace'] as const).map((type) => (
                <label key={type} className="inline-flex items-center gap-1.5">
                  <input
                    type="radio"
                    name={`${idPrefix}-scope`}
                    checked={scopeType === type}
                    onChange={() =>
                      field.onChange(type === 'cluster' ? { type, namespaces: [] } : { type, namespaces })
                    }
                  />
                  {type === 'cluster' ? 'Whole cluster' : 'Listed namespaces'}
                </label>
              ))}
            </div>
          )}
        />
        {errors.scope ? <p className="text-xs font-medium text-red-700 dark:text-red-400">{errors.scope}</p> : null}
      </fieldset>
      {scopeType === 'namespace' ? (
        <>
          <ListField
            control={control}
            name={path('accessScope.namespaces')}
            id={nsId}
            label="Namespaces"
            className="sm:col-span-2"
            hint={
              knownNamespaces
                ? `Comma-separated; * wildcards allowed. The cluster has: ${knownNamespaces.slice(0, 12).join(', ')}${knownNamespaces.length > 12 ? '…' : ''}`
                : 'Comma-separated; * wildcards allowed (e.g. team-a, dev-*).'
            }
            warning={
              missing.length > 0
                ? `No namespace matches ${missing.join(', ')} yet; the grant applies once one exists.`
                : undefined
            }
            list={knownNamespaces ? `${nsId}-options` : undefined}
          />
          {knownNamespaces ? (
            <datalist id={`${nsId}-options`}>
              {knownNamespaces.map((ns) => (
                <option key={ns} value={ns} />
              ))}
            </datalist>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
