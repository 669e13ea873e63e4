'use client'

import { Clock } from 'lucide-react'

import { Badge } from '@/components/ui/badge'
import { formatTimeLeft } from '@/lib/time-bound/duration-presets'
import type { TimeBoundGrantDto } from '@/lib/time-bound/time-bound-dto'

const policyName = (arn: string) => arn.split('/').pop() ?? arn

/** What one grant gave, for the badge's label: the whole entry, or one policy. */
function describeAddition(grant: TimeBoundGrantDto): string {
  const addition = grant.addition
  if (addition.kind === 'access-policy') return policyName(addition.policyArn)
  if (addition.kind === 'role-binding') return 'Binding'
  return addition.kind === 'access-entry' ? 'Entry' : 'aws-auth mapping'
}

/** The access table's time-left cell: one badge per active grant of the principal, red when revocation is stuck. */
export function TimeLeft({ grants, now }: { grants: TimeBoundGrantDto[]; now: Date }) {
  if (grants.length === 0) return <span className="text-xs text-zinc-600 dark:text-zinc-400">Permanent</span>
  return (
    <ul className="space-y-1">
      {grants.map((grant) => {
        const ends = new Date(grant.expiresAt)
        return (
          <li key={grant.id} title={`Ends ${ends.toLocaleString()} · granted by ${grant.createdBy}`}>
            <Badge tone={grant.stuck ? 'red' : 'blue'}>
              <Clock aria-hidden="true" className="size-3" />
              {describeAddition(grant)}: {grant.stuck ? 'revocation failing' : formatTimeLeft(ends, now)}
            </Badge>
          </li>
        )
      })}
    </ul>
  )
}
