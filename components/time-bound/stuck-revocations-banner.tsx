'use client'

import { useQuery } from '@tanstack/react-query'

import { Alert } from '@/components/ui/alert'
import { stuckGrantsQuery } from '@/lib/queries/time-bound-queries'

/**
 * On every page while a time-bound grant outlives its end because revoking it keeps failing: access that should be
 * gone is still there, so everyone signed in sees it (the server log has each attempt, the audit log the first alarm).
 */
export function StuckRevocationsBanner() {
  const { data } = useQuery(stuckGrantsQuery())
  const stuck = data?.grants ?? []
  if (stuck.length === 0) return null
  return (
    <div className="mb-6">
      <Alert
        variant="error"
        title={`${stuck.length} expired time-bound ${stuck.length === 1 ? 'grant is' : 'grants are'} still in place`}
      >
        <p>The console keeps retrying the revocation; until it succeeds, this access stands.</p>
        <ul className="mt-2 space-y-1">
          {stuck.map((grant) => (
            <li key={grant.id} className="text-xs">
              <span className="font-mono break-all">{grant.principalArn}</span> on {grant.cluster} ({grant.region}),
              ended {new Date(grant.expiresAt).toLocaleString()}, {grant.attempts} failed attempts: {grant.lastError}
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  )
}
