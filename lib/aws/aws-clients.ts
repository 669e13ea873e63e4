import 'server-only'

import { EKSClient } from '@aws-sdk/client-eks'
import { IAMClient } from '@aws-sdk/client-iam'
import { STSClient } from '@aws-sdk/client-sts'

import { env } from '@/lib/env'

/**
 * Sockets per host for bulk reads. The SDK's default agent allows 50, which caps a page that describes 1,000 access
 * entries (two calls each) at 50 calls in flight: with EKS answering in ~50 ms that alone costs 2 s.
 */
export const BULK_SOCKETS = 128

/** Settings every SDK client of the console shares. */
function sharedClientConfig(region: string, options: ClientOptions = {}) {
  const timeouts = { connectionTimeout: 3_000, requestTimeout: 15_000 }
  const agent = { keepAlive: true, maxSockets: BULK_SOCKETS }
  return {
    region,
    // Credentials are deliberately not passed: the SDK's default chain (env keys, AWS_PROFILE, web identity,
    // container or instance role) finds them, exactly as the aws CLI would.
    ...(env.awsProfile ? { profile: env.awsProfile } : {}),
    ...(env.awsEndpointUrl ? { endpoint: env.awsEndpointUrl } : {}),
    // A refused or silent endpoint should fail a page in seconds, not hang it for the OS default (minutes).
    requestHandler: options.bulk ? { ...timeouts, httpAgent: agent, httpsAgent: agent } : timeouts,
    // A page's fan-out of reads is what EKS throttles: the bulk client tries a little longer (the standard strategy
    // backs off exponentially, and its retry quota stops a storm). Not the adaptive mode: once throttled it paces
    // every later call down to one every two seconds, so a throttled page would take minutes instead of failing.
    maxAttempts: options.bulk ? 5 : 3,
  }
}

/** `bulk`: a separate client with {@link BULK_SOCKETS} sockets, for pages that fan out hundreds of reads. */
export type ClientOptions = { bulk?: boolean }

type RegionClients = { eks?: EKSClient; eksBulk?: EKSClient; iam?: IAMClient; sts?: STSClient }
const clientsByRegion = new Map<string, RegionClients>()

function clientsFor(region: string): RegionClients {
  let clients = clientsByRegion.get(region)
  if (!clients) {
    clients = {}
    clientsByRegion.set(region, clients)
  }
  return clients
}

/**
 * The EKS client for `region`, created once and reused (it holds a keep-alive connection pool). `{ bulk: true }` gives
 * a second client with a larger pool, so a page's fan-out of reads does not queue behind (or starve) ordinary calls.
 */
export function getEksClient(region: string, options: ClientOptions = {}): EKSClient {
  const clients = clientsFor(region)
  if (options.bulk) {
    clients.eksBulk ??= new EKSClient(sharedClientConfig(region, options))
    return clients.eksBulk
  }
  clients.eks ??= new EKSClient(sharedClientConfig(region))
  return clients.eks
}

/** The IAM client; IAM is global, but the region still picks the partition (aws, aws-cn, aws-us-gov). */
export function getIamClient(region: string): IAMClient {
  const clients = clientsFor(region)
  clients.iam ??= new IAMClient(sharedClientConfig(region))
  return clients.iam
}

/** The STS client for `region` (regional STS endpoints, the SDK v3 default). */
export function getStsClient(region: string): STSClient {
  const clients = clientsFor(region)
  clients.sts ??= new STSClient(sharedClientConfig(region))
  return clients.sts
}

/** The endpoint override, for error messages ("Cannot reach the AWS endpoint …"). */
export function configuredAwsEndpoint(): string | undefined {
  return env.awsEndpointUrl
}
