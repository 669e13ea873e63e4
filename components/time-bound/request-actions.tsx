'use client'

import dynamic from 'next/dynamic'
import { useId, useState } from 'react'

import { Button } from '@/components/ui/button'
import type { AccessRequestDto } from '@/lib/time-bound/access-request-schema'

// The dialog's form, react-hook-form and zod load on the click, not with the list (docs/client-bundle.md).
const DecisionDialog = dynamic(() => import('./decision-dialog').then((m) => m.DecisionDialog))

/**
 * Approve and Deny for one request, or the same buttons disabled with the sentence saying why (own request, role,
 * the cluster's rule, decided, expired): the rule the server applies too. Decided requests show no buttons.
 */
export function RequestActions({ request }: { request: AccessRequestDto }) {
  const [open, setOpen] = useState<'approve' | 'deny' | null>(null)
  const reasonId = useId()
  if (request.status !== 'pending') return null
  const right = request.yourRight
  const name = `${request.requestedBy}’s request for ${request.request.principalArn.split('/').pop()}`
  return (
    <div className="space-y-1">
      <div className="flex gap-2">
        <Button
          variant="primary"
          disabled={!right.allowed}
          aria-describedby={right.allowed ? undefined : reasonId}
          onClick={() => setOpen('approve')}
        >
          Approve<span className="sr-only"> {name}</span>
        </Button>
        <Button
          disabled={!right.allowed}
          aria-describedby={right.allowed ? undefined : reasonId}
          onClick={() => setOpen('deny')}
        >
          Deny<span className="sr-only"> {name}</span>
        </Button>
      </div>
      {right.allowed ? null : (
        <p id={reasonId} className="max-w-xs text-xs text-zinc-600 dark:text-zinc-400">
          {right.reason}
        </p>
      )}
      {open ? <DecisionDialog request={request} decision={open} onClose={() => setOpen(null)} /> : null}
    </div>
  )
}
