'use client'

import { RotateCw } from 'lucide-react'

import { ApiError } from '@/lib/api/api-error'

import { Alert } from './alert'
import { Button } from './button'

const titles: Partial<Record<ApiError['code'], string>> = {
  unauthenticated: 'Your session has ended',
  forbidden: 'Your console role does not allow this',
  aws_access_denied: "The console's AWS identity is not allowed to do this",
  aws_credentials_rejected: "The console's AWS credentials were rejected",
  upstream_unreachable: 'Cannot reach AWS',
  throttled: 'AWS is throttling requests',
  not_found: 'Not found',
  network_error: "Cannot reach the console's server",
}

/** An inline error for a failed query: says what failed in words, with a Retry unless retrying cannot help. */
export function QueryError({ error, what, onRetry }: { error: Error; what: string; onRetry?: () => void }) {
  const apiError = error instanceof ApiError ? error : null
  const title = (apiError && titles[apiError.code]) ?? `Could not load ${what}`
  const canRetry = onRetry && !(apiError && [401, 403, 404].includes(apiError.status))
  return (
    <Alert
      variant="error"
      title={title}
      action={
        canRetry ? (
          <Button onClick={onRetry}>
            <RotateCw aria-hidden="true" className="size-4" /> Retry
          </Button>
        ) : apiError?.code === 'unauthenticated' ? (
          <a className="font-medium underline" href="/signin">
            Sign in again
          </a>
        ) : undefined
      }
    >
      {error.message}
    </Alert>
  )
}
