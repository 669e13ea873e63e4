import 'server-only'

import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'

import { env } from '@/lib/env'

import { configuredAwsEndpoint, getStsClient } from './aws-clients'
import { toConsoleError } from './aws-errors'

/** The AWS principal the console's server acts as (what EKS and Kubernetes see for every call). */
export type CallerIdentity = { account: string; arn: string; userId: string }

/** STS GetCallerIdentity: needs no IAM permission, so it is the cheapest "are our credentials good?" check. */
export async function getCallerIdentity(region: string = env.awsRegion): Promise<CallerIdentity> {
  try {
    const out = await getStsClient(region).send(new GetCallerIdentityCommand({}))
    return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' }
  } catch (error) {
    throw toConsoleError(error, { service: 'STS', region, endpoint: configuredAwsEndpoint() })
  }
}
