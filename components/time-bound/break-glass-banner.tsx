'use client'

import { useQuery } from '@tanstack/react-query'

import { Alert } from '@/components/ui/alert'
import { activeBreakGlassQuery } from '@/lib/queries/break-glass-queries'
import { formatTimeLeft } from '@/lib/time-bound/duration-presets'

import { useNow } from './use-now'

/** On every page while break-glass access lasts anywhere: who has cluster admin where, why, and until when. */
export function BreakGlassBanner() {
  const { data } = useQuery(activeBreakGlassQuery())
  const now = useNow(15_000)
  const grants = data?.grants ?? []
  if (grants.length === 0) return null
  return (
    <div className="mb-6">
      <Alert variant="warning" title="Break-glass access in force">
        <ul className="space-y-1">
          {grants.map((grant) => (
            <li key={grant.id}>
              <span className="font-mono text-xs break-all">{grant.principalArn}</span> is cluster admin on{' '}
              {grant.cluster} ({grant.region}) for {grant.createdBy}, {formatTimeLeft(new Date(grant.expiresAt), now)}.
              Reason: {grant.addition.breakGlassReason}
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  )
}
