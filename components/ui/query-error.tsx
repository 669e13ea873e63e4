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
  // EKS answers 401 when the console's IAM principal maps to no Kubernetes identity (no access entry or aws-auth row).
  kubernetes_unauthorized: "The cluster does not accept the console's credentials",
  upstream_unreachable: 'Cannot reach AWS',
  upstream_timeout: 'AWS or the cluster did not answer in time',
  throttled: 'AWS is throttling requests',
  not_found: 'Not found',
  network_error: "Cannot reach the console's server",
}

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined)

/**
 * The title of a Kubernetes 403, from the verb / resource / namespace the server put in `detail`: "The console may
 * not list pods in namespace team-a". The refusal is the console's identity in the cluster (RBAC or access policy),
 * not the person's console role, so the title names the console.
 */
function kubernetesForbiddenTitle(detail: ApiError['detail']): string {
  const verb = text(detail.verb)
  const resource = text(detail.resource)
  if (!verb || !resource) return "The cluster refused the console's Kubernetes request"
  const name = text(detail.name)
  const namespace = text(detail.namespace)
  const target = name ? `${resource}/${name}` : resource
  return `The console may not ${verb} ${target}${namespace ? ` in namespace ${namespace}` : ' across the cluster'}`
}

/** The alert title for a failed query: what went wrong in words, or "Could not load <what>". */
export function queryErrorTitle(error: Error, what: string): string {
  if (!(error instanceof ApiError)) return `Could not load ${what}`
  if (error.code === 'kubernetes_forbidden') return kubernetesForbiddenTitle(error.detail)
  return titles[error.code] ?? `Could not load ${what}`
}

/** An inline error for a failed query: says what failed in words, with a Retry unless retrying cannot help. */
export function QueryError({ error, what, onRetry }: { error: Error; what: string; onRetry?: () => void }) {
  const apiError = error instanceof ApiError ? error : null
  const canRetry = onRetry && !(apiError && [401, 403, 404].includes(apiError.status))
  return (
    <Alert
      variant="error"
      title={queryErrorTitle(error, what)}
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
