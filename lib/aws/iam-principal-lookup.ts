import 'server-only'

import { GetRoleCommand, GetUserCommand } from '@aws-sdk/client-iam'

import { parseArn } from '@/lib/access/arn'
import type { ResolvedPrincipal } from '@/lib/aws-auth/migration-plan'

import { configuredAwsEndpoint, getIamClient } from './aws-clients'
import { toConsoleError } from './aws-errors'

/**
 * GetRole/GetUser by the name after the last "/" — IAM looks principals up by name, and answers with the full ARN,
 * path included (aws-auth ARNs cannot carry one: docs/aws-auth.md). NoSuchEntity is an answer ("missing"), not an error.
 */
export async function lookUpPrincipal(region: string, arn: string, kind: 'role' | 'user'): Promise<ResolvedPrincipal> {
  const name = parseArn(arn)?.name ?? arn
  try {
    const client = getIamClient(region)
    const found =
      kind === 'role'
        ? (await client.send(new GetRoleCommand({ RoleName: name }))).Role?.Arn
        : (await client.send(new GetUserCommand({ UserName: name }))).User?.Arn
    return found ? { status: 'found', arn: found } : { status: 'missing' }
  } catch (error) {
    if ((error as { name?: unknown })?.name === 'NoSuchEntityException') return { status: 'missing' }
    const failure = toConsoleError(error, { service: 'IAM', region, endpoint: configuredAwsEndpoint() })
    return { status: 'error', message: failure.message }
  }
}
