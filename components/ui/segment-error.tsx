'use client'

import { RotateCw } from 'lucide-react'

import { Alert } from './alert'
import { Button } from './button'

/**
 * The body of an `error.tsx`: says what could not be shown and offers Retry. In production Next.js replaces server
 * error messages with a digest, so the digest is shown for the operator to find in the server log.
 */
export function SegmentError({
  what,
  error,
  reset,
}: {
  what: string
  error: Error & { digest?: string }
  reset: () => void
}) {
  return (
    <Alert
      variant="error"
      title={`Could not show ${what}`}
      action={
        <Button onClick={reset}>
          <RotateCw aria-hidden="true" className="size-4" /> Retry
        </Button>
      }
    >
      {error.digest ? `Something failed on the console's server (reference ${error.digest}).` : error.message}
    </Alert>
  )
}
