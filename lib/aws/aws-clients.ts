import 'server-only'

import { EKSClient } from '@aws-sdk/client-eks'
import { IAMClient } from '@aws-sdk/client-iam'
import { STSClient } from '@aws-sdk/client-sts'

import { getUpstreamTimeoutMs } from '@/lib/api/server/upstream-timeout'
import { env } from '@/lib/env'
import { observeUpstreamCall } from '@/lib/metrics/server/metrics-registry'

import { callWithDeadline, DeadlineBoundRequestHandler } from './call-deadline'

/**
 * Sockets per host for bulk reads. The SDK's default agent allows 50, which caps a page that describes 1,000 access
 * entries (two calls each) at 50 calls in flight: with EKS answering in ~50 ms that alone costs 2 s.
 */
export const BULK_SOCKETS = 128

/** Settings every SDK client of the console shares. */
function sharedClientConfig(region: string, options: ClientOptions = {}) {
  // connectionTimeout: a refused or silent endpoint fails each attempt in 3 s. requestTimeout is the per-attempt bound
  // (given again per call by boundSend, so it follows the timeout in force); since @smithy/node-http-handler 4.x it
  // only logs a warning unless throwOnRequestTimeout is set, which is how a 40 s stall used to hold a page 40 s.
  const timeouts = { connectionTimeout: 3_000, requestTimeout: getUpstreamTimeoutMs(), throwOnRequestTimeout: true }
  const agent = { keepAlive: true, maxSockets: BULK_SOCKETS }
  return {
    region,
    // Credentials are deliberately not passed: the SDK's default chain (env keys, AWS_PROFILE, web identity,
    // container or instance role) finds them, exactly as the aws CLI would.
    ...(env.awsProfile ? { profile: env.awsProfile } : {}),
    ...(env.awsEndpointUrl ? { endpoint: env.awsEndpointUrl } : {}),
    // A refused or silent endpoint should fail a page in seconds, not hang it for the OS default (minutes).
    requestHandler: new DeadlineBoundRequestHandler(
      options.bulk ? { ...timeouts, httpAgent: agent, httpsAgent: agent } : timeouts,
    ),
    // A page's fan-out of reads is what EKS throttles: the bulk client tries a little longer (the standard strategy
    // backs off exponentially, and its retry quota stops a storm). Not the adaptive mode: once throttled it paces
    // every later call down to one every two seconds, so a throttled page would take minutes instead of failing.
    // Either way boundSend ends the whole call, attempts and back-off included, at the upstream timeout: 5 attempts
    // of up to 15 s each would otherwise hold a page over a minute.
    maxAttempts: options.bulk ? 5 : 3,
    // The middleware stack is resolved once per command class instead of on every call: a third of the SDK's CPU per
    // call, and a cold load of 1,000 access entries makes 2,000 calls. Safe for these clients because every call of a
    // client shares its endpoint and auth scheme (what the shared handler context holds), and middleware is added
    // only before a client's first call (docs/decisions/0005-sdk-handler-cache.md).
    cacheMiddleware: true,
  }
}

/**
 * The operation a command calls (`DescribeCluster`). Read from the command's Smithy operation schema, which names it
 * as `[9, 'com.amazonaws.eks', 'DescribeCluster', …]`: the class name is minified away in the production bundle.
 */
export function operationName(command: unknown): string {
  const schema = (command as { schema?: unknown } | null)?.schema
  if (Array.isArray(schema) && typeof schema[2] === 'string') return schema[2]
  return ((command as { constructor?: { name?: string } } | null)?.constructor?.name ?? '').replace(/Command$/, '')
}

type Sender = { send(command: unknown, options?: unknown): Promise<unknown> }

/**
 * Makes every `client.send` end within the upstream timeout, retries included (see callWithDeadline), and counts it
 * for /api/metrics. A failure carries the operation name (`$operation`, e.g. `DescribeCluster`) for the message.
 * The command is sent without options: options would make the SDK resolve its middleware stack again.
 */
function boundSend<C>(client: C, service: 'eks' | 'iam' | 'sts'): C {
  const sender = client as unknown as Sender
  // The class's own send, looked up per call (not bound once), so a test double installed on the prototype applies.
  const send = (command: unknown) => (Object.getPrototypeOf(sender) as Sender).send.call(sender, command)
  sender.send = async (command, options) => {
    if (options !== undefined) throw new Error('The console sends AWS commands without per-call options.')
    const timeoutMs = getUpstreamTimeoutMs()
    const operation = operationName(command)
    const startedAt = performance.now()
    try {
      const output = await callWithDeadline(timeoutMs, () => send(command))
      observeUpstreamCall(service, operation, startedAt)
      return output
    } catch (error) {
      observeUpstreamCall(service, operation, startedAt, error)
      if (typeof error === 'object' && error !== null) {
        Object.assign(error, { $operation: operation, $timeoutMs: timeoutMs })
      }
      throw error
    }
  }
  return client
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
    clients.eksBulk ??= boundSend(new EKSClient(sharedClientConfig(region, options)), 'eks')
    return clients.eksBulk
  }
  clients.eks ??= boundSend(new EKSClient(sharedClientConfig(region)), 'eks')
  return clients.eks
}

/** The IAM client; IAM is global, but the region still picks the partition (aws, aws-cn, aws-us-gov). */
export function getIamClient(region: string): IAMClient {
  const clients = clientsFor(region)
  clients.iam ??= boundSend(new IAMClient(sharedClientConfig(region)), 'iam')
  return clients.iam
}

/** The STS client for `region` (regional STS endpoints, the SDK v3 default). */
export function getStsClient(region: string): STSClient {
  const clients = clientsFor(region)
  clients.sts ??= boundSend(new STSClient(sharedClientConfig(region)), 'sts')
  return clients.sts
}

/** The endpoint override, for error messages ("Cannot reach the AWS endpoint …"). */
export function configuredAwsEndpoint(): string | undefined {
  return env.awsEndpointUrl
}
