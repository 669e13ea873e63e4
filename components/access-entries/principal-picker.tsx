'use client'

import { useQuery } from '@tanstack/react-query'

import { Badge } from '@/components/ui/badge'
import { IamNameWithPath, SearchPicker, useSearchTerm } from '@/components/ui/search-picker'
import { iamPrincipalSearchQuery } from '@/lib/queries/iam-principal-queries'

/** Searches IAM roles and users (ListRoles/ListUsers on the server) and hands the chosen ARN to the form. */
export function PrincipalSearch({ region, onPick }: { region: string; onPick: (arn: string) => void }) {
  const search = useSearchTerm()
  const { data, error, isFetching } = useQuery({
    ...iamPrincipalSearchQuery(region, search.term),
    enabled: search.term.length > 0,
  })
  return (
    <SearchPicker
      id="principal-search"
      label="Search IAM roles and users"
      placeholder="e.g. TeamA, sso, alice"
      search={search}
      status={
        error
          ? `IAM search failed: ${error.message} You can still paste an ARN below.`
          : search.term && data
            ? `${data.principals.length}${data.truncated ? '+' : ''} matching principals${isFetching ? ' (updating…)' : ''}`
            : ''
      }
      results={data?.principals}
      resultsLabel="Matching IAM principals"
      resultKey={(p) => p.arn}
      renderResult={(p) => (
        <>
          <Badge>{p.kind}</Badge>
          <IamNameWithPath name={p.name} path={p.path} />
        </>
      )}
      onPick={(p) => onPick(p.arn)}
      className="space-y-2"
      listClassName="max-h-56"
    />
  )
}
