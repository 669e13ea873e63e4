import 'server-only'

import { ConsoleError } from '@/lib/api/console-error'
import type { ErrorIssue } from '@/lib/api/error-codes'

import { configuredAwsEndpoint } from './aws-clients'
import { toConsoleError } from './aws-errors'

/** Which request the EKS error answered, so it can be put next to the right field. */
export type AccessEntryCall = 'create' | 'update' | 'delete' | 'associate' | 'disassociate' | 'read'

const MODE_MESSAGE =
  "This cluster's authentication mode is CONFIG_MAP, so EKS has no access entries for it. Switch it to EKS API and ConfigMap first."

function fieldFor(message: string, call: AccessEntryCall): string[] | undefined {
  const m = message.toLowerCase()
  if (m.includes('group')) return ['kubernetesGroups']
  if (m.includes('username')) return ['username']
  if (m.includes('type of "standard"') || m.includes('policy') || m.includes('accessscope')) {
    return call === 'associate' ? ['policyArn'] : ['accessPolicies']
  }
  if (m.includes('principal') || m.includes('service linked role')) return ['principalArn']
  if (m.includes('type')) return ['type']
  return undefined
}

/**
 * Maps an EKS error from an access-entry call to a ConsoleError a person understands, with an issue on the form field
 * it concerns (422 for invalid input, 409 for a duplicate, 404 for a missing entry).
 */
export function toAccessEntryError(
  error: unknown,
  context: { region: string; cluster: string; principalArn?: string; call: AccessEntryCall },
): ConsoleError {
  const name = (error as { name?: unknown })?.name
  const message = String((error as { message?: unknown })?.message ?? '')
  const options = { cause: error }
  const issue = (path: string[], text: string): ErrorIssue[] => [{ path, message: text }]
  if (name === 'ResourceInUseException' && context.call === 'create') {
    const text =
      'This principal already has an access entry on this cluster. Edit that entry instead of creating another.'
    return new ConsoleError('conflict', text, { ...options, issues: issue(['principalArn'], text) })
  }
  if (name === 'InvalidRequestException' && /authentication mode/i.test(message)) {
    return new ConsoleError('conflict', MODE_MESSAGE, options)
  }
  if (name === 'ResourceNotFoundException' && context.principalArn && !/cluster/i.test(message)) {
    const text =
      context.call === 'disassociate'
        ? 'That policy is no longer associated with this entry (someone may have removed it already). Refresh the list.'
        : `There is no access entry for ${context.principalArn} on ${context.cluster}. It may have been deleted; refresh the list.`
    return new ConsoleError('not_found', text, options)
  }
  if (name === 'ResourceLimitExceededException') {
    return new ConsoleError(
      'conflict',
      'This cluster has reached the EKS limit of 3,000 access entries. Delete unused entries first.',
      options,
    )
  }
  if (name === 'InvalidParameterException' || name === 'InvalidRequestException') {
    const field = fieldFor(message, context.call)
    const text = /invalid principal/i.test(message)
      ? "IAM has no role or user with this ARN in the cluster's account. Check the name and path."
      : `EKS rejected this: ${message}`
    return new ConsoleError('validation_failed', text, field ? { ...options, issues: issue(field, text) } : options)
  }
  return toConsoleError(error, {
    service: 'EKS',
    region: context.region,
    endpoint: configuredAwsEndpoint(),
    notFoundMessage: `No cluster named ${context.cluster} in ${context.region}.`,
  })
}
