'use client'

import { useQuery } from '@tanstack/react-query'

import { IamNameWithPath, SearchPicker, useSearchTerm } from '@/components/ui/search-picker'
import { iamRoleSearchQuery } from '@/lib/queries/workload-identity-queries'

/** Searches IAM roles (ListRoles on the server) and hands the chosen ARN to the form's role field. */
export function RolePicker({ id, region, onPick }: { id: string; region: string; onPick: (arn: string) => void }) {
  const search = useSearchTerm()
  const { data, error } = useQuery({ ...iamRoleSearchQuery(region, search.term), enabled: search.term.length > 0 })
  return (
    <SearchPicker
      id={id}
      label="Search IAM roles"
      placeholder="e.g. orders, reports"
      search={search}
      status={
        error
          ? `IAM search failed: ${error.message} You can still paste an ARN.`
          : search.term && data
            ? `${data.roles.length}${data.truncated ? '+' : ''} matching ${data.roles.length === 1 && !data.truncated ? 'role' : 'roles'}`
            : ''
      }
      results={data?.roles}
      resultsLabel="Matching IAM roles"
      resultKey={(role) => role.arn}
      renderResult={(role) => <IamNameWithPath name={role.name} path={role.path} />}
      onPick={(role) => onPick(role.arn)}
      className="space-y-1.5"
      listClassName="max-h-44"
    />
  )
}
