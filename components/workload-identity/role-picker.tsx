'use client'

import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useState } from 'react'

import { inputClasses } from '@/components/ui/form-field'
import { iamRoleSearchQuery } from '@/lib/queries/workload-identity-queries'

/** Searches IAM roles (ListRoles on the server) and hands the chosen ARN to the form's role field. */
export function RolePicker({ id, region, onPick }: { id: string; region: string; onPick: (arn: string) => void }) {
  const [q, setQ] = useState('')
  const deferred = useDeferredValue(q.trim())
  const { data, error } = useQuery({ ...iamRoleSearchQuery(region, deferred), enabled: deferred.length > 0 })
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        Search IAM roles
      </label>
      <input
        id={id}
        type="search"
        className={inputClasses()}
        placeholder="e.g. orders, reports"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        aria-describedby={`${id}-status`}
      />
      <p id={`${id}-status`} role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
        {error
          ? `IAM search failed: ${error.message} You can still paste an ARN.`
          : deferred && data
            ? `${data.roles.length}${data.truncated ? '+' : ''} matching ${data.roles.length === 1 && !data.truncated ? 'role' : 'roles'}`
            : ''}
      </p>
      {deferred && data && data.roles.length > 0 ? (
        <ul
          aria-label="Matching IAM roles"
          className="max-h-44 overflow-y-auto rounded-md border border-zinc-200 dark:border-zinc-800"
        >
          {data.roles.map((role) => (
            <li key={role.arn}>
              <button
                type="button"
                onClick={() => {
                  onPick(role.arn)
                  setQ('')
                }}
                className="flex w-full items-center gap-2 px-3 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
              >
                <span className="font-medium">{role.name}</span>
                {role.path !== '/' ? (
                  <span className="truncate text-xs text-zinc-600 dark:text-zinc-400">path {role.path}</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
