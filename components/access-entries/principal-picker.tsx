'use client'

import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useState } from 'react'

import { Badge } from '@/components/ui/badge'
import { inputClasses } from '@/components/ui/form-field'
import { iamPrincipalSearchQuery } from '@/lib/queries/iam-principal-queries'

/** Searches IAM roles and users (ListRoles/ListUsers on the server) and hands the chosen ARN to the form. */
export function PrincipalSearch({ region, onPick }: { region: string; onPick: (arn: string) => void }) {
  const [q, setQ] = useState('')
  const deferred = useDeferredValue(q.trim())
  const { data, error, isFetching } = useQuery({
    ...iamPrincipalSearchQuery(region, deferred),
    enabled: deferred.length > 0,
  })
  return (
    <div className="space-y-2">
      <label htmlFor="principal-search" className="block text-sm font-medium">
        Search IAM roles and users
      </label>
      <input
        id="principal-search"
        type="search"
        className={inputClasses()}
        placeholder="e.g. TeamA, sso, alice"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        aria-describedby="principal-search-status"
      />
      <p id="principal-search-status" role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
        {error
          ? `IAM search failed: ${error.message} You can still paste an ARN below.`
          : deferred && data
            ? `${data.principals.length}${data.truncated ? '+' : ''} matching principals${isFetching ? ' (updating…)' : ''}`
            : ''}
      </p>
      {deferred && data && data.principals.length > 0 ? (
        <ul
          aria-label="Matching IAM principals"
          className="max-h-56 overflow-y-auto rounded-md border border-zinc-200 dark:border-zinc-800"
        >
          {data.principals.map((p) => (
            <li key={p.arn}>
              <button
                type="button"
                onClick={() => {
                  onPick(p.arn)
                  setQ('')
                }}
                className="flex w-full items-center gap-2 px-3 py-1.5 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
              >
                <Badge>{p.kind}</Badge>
                <span className="font-medium">{p.name}</span>
                {p.path !== '/' ? (
                  <span className="truncate text-xs text-zinc-600 dark:text-zinc-400">path {p.path}</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
