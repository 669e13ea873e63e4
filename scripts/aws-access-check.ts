// `npm start -- --aws` checks the credentials before starting the console: who it will act as, and in which of the
// configured regions EKS answers, so an expired SSO session or a missing permission is one clear line in the
// terminal instead of an error on every page.
import { EKSClient, ListClustersCommand } from '@aws-sdk/client-eks'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'

/** The outcome: the caller's ARN and each region's cluster count or reason, or why the credentials failed. */
export type AwsAccessReport =
  | { ok: true; arn: string; account: string; regions: Array<{ region: string; clusters?: number; problem?: string }> }
  | { ok: false; problem: string }

const profileHint = (profile: string | undefined) => (profile ? ` --profile ${profile}` : '')

/**
 * Turns an SDK error into one sentence a person can act on: missing credentials, an expired SSO session (the SDK's
 * SSO token errors), expired or rejected keys, AccessDenied, or an endpoint that cannot be reached.
 */
export function describeAwsError(error: unknown, context: { profile?: string; action: string }): string {
  const e = error as { name?: string; message?: string; code?: string; Code?: string }
  const name = e.name ?? e.Code ?? ''
  const message = e.message ?? String(error)
  if (name === 'TokenProviderError' || /SSO session|SSO Token|sso_session/i.test(message)) {
    return `Your AWS SSO session has expired or is missing. Run \`aws sso login${profileHint(context.profile)}\` and start again. (${message})`
  }
  if (name === 'CredentialsProviderError') {
    return `No AWS credentials were found. Set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run \`aws configure\`. (${message})`
  }
  if (/^Expired(Token)?(Exception)?$/.test(name) || name === 'RequestExpired') {
    return `Your AWS credentials have expired. Refresh them (e.g. \`aws sso login${profileHint(context.profile)}\`) and start again. (${message})`
  }
  if (name === 'InvalidClientTokenId' || name === 'SignatureDoesNotMatch' || name === 'UnrecognizedClientException') {
    return `AWS rejected the credentials (${name}): check the access key and secret. (${message})`
  }
  if (/AccessDenied/.test(name)) {
    return `Access denied for ${context.action}: the console's principal needs this permission. (${message})`
  }
  if (e.code && /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET)$/.test(e.code)) {
    return `Cannot reach AWS for ${context.action} (${e.code}).`
  }
  return `${context.action} failed: ${name ? `${name}: ` : ''}${message}`
}

/**
 * Calls STS GetCallerIdentity, then EKS ListClusters in every region, with the SDK's default credential chain as
 * the console's server will (AWS_PROFILE, keys, SSO, AWS_ENDPOINT_URL from the environment).
 */
export async function checkAwsAccess(options: {
  region: string
  regions: string[]
  profile?: string
  endpoint?: string
}): Promise<AwsAccessReport> {
  const config = (region: string) => ({
    region,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 10_000 },
  })
  const sts = new STSClient(config(options.region))
  let identity
  try {
    identity = await sts.send(new GetCallerIdentityCommand({}))
  } catch (error) {
    return {
      ok: false,
      problem: describeAwsError(error, { profile: options.profile, action: 'sts:GetCallerIdentity' }),
    }
  } finally {
    sts.destroy()
  }
  const regions = await Promise.all(
    options.regions.map(async (region) => {
      const eks = new EKSClient(config(region))
      try {
        const { clusters = [] } = await eks.send(new ListClustersCommand({ maxResults: 100 }))
        return { region, clusters: clusters.length }
      } catch (error) {
        return {
          region,
          problem: describeAwsError(error, { profile: options.profile, action: `eks:ListClusters in ${region}` }),
        }
      } finally {
        eks.destroy()
      }
    }),
  )
  return { ok: true, arn: identity.Arn ?? 'unknown', account: identity.Account ?? 'unknown', regions }
}
