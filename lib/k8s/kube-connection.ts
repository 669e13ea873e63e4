import 'server-only'

import {
  AuthenticationV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  createConfiguration,
  KubeConfig,
  RbacAuthorizationV1Api,
  ServerConfiguration,
  type Middleware,
} from '@kubernetes/client-node'

import { ConsoleError } from '@/lib/api/console-error'
import { getUpstreamTimeoutMs } from '@/lib/api/server/upstream-timeout'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import { buildEksToken, type AwsCredentials, type EksToken } from './eks-token'

/** Where a cluster's Kubernetes API is and how to trust it (DescribeCluster `endpoint` + `certificateAuthority`). */
export type ClusterConnection = {
  arn: string
  endpoint: string
  /** Base64 PEM, exactly as DescribeCluster returns it (and as kubeconfig's certificate-authority-data wants it). */
  caData: string
}

/** The typed clients of one cluster, authenticated as the console. */
export type KubeClients = {
  cluster: ClusterRef
  endpoint: string
  core: CoreV1Api
  rbac: RbacAuthorizationV1Api
  authn: AuthenticationV1Api
  authz: AuthorizationV1Api
}

/** What a connector needs from AWS; injected so tests can point it at a test API server and a fake clock. */
export type KubeConnectorDeps = {
  describeCluster(ref: ClusterRef): Promise<{ arn?: string; status?: string; endpoint?: string; caData?: string }>
  getCredentials(region: string): Promise<AwsCredentials>
  /** AWS_ENDPOINT_URL, when set: tokens then name it as the STS host (docs/eks-token-and-kubeconfig.md#building-a-token). */
  stsEndpointUrl?: string
  now?: () => number
}

/** Per-cluster connections and tokens, cached; see {@link createKubeConnector}. */
export type KubeConnector = {
  getConnection(ref: ClusterRef): Promise<ClusterConnection>
  getToken(ref: ClusterRef): Promise<EksToken>
  getClients(ref: ClusterRef): Promise<KubeClients>
  /** Forgets a cluster's token and connection (after a 401, or when the cluster changed). */
  invalidate(ref: ClusterRef): void
}

// Endpoint and CA change only when a cluster is recreated or its CA rotated; re-describing every 5 minutes bounds how
// long the console keeps using a stale one, and a 401 forgets it at once.
const CONNECTION_TTL_MS = 5 * 60_000
// Tokens are good for 14 minutes (eks-token.ts); renewing 2 minutes early means no request ever carries one that
// expires in flight, so a token is used for at most 12 minutes.
const TOKEN_RENEW_BEFORE_MS = 2 * 60_000

const keyOf = (ref: ClusterRef) => `${ref.region}/${ref.name}`

// client-node 1.4 sets no timeout of its own: each request gets an abort signal that fires at the upstream timeout.
// node-fetch (its transport) honours it while connecting, waiting for the answer and reading the body, and fails
// with an AbortError that toKubeConsoleError turns into a 504 "did not answer within 15 s".
const timeoutMiddleware: Middleware = {
  async pre(context) {
    context.setSignal(AbortSignal.timeout(getUpstreamTimeoutMs()))
    return context
  },
  post: async (context) => context,
}

/** `kc.makeApiClient`, plus {@link timeoutMiddleware} on every request. */
function makeApiClient<T>(kc: KubeConfig, Api: new (config: ReturnType<typeof createConfiguration>) => T): T {
  const server = kc.getCurrentCluster()?.server ?? ''
  return new Api(
    createConfiguration({
      baseServer: new ServerConfiguration(server, {}),
      authMethods: { default: kc },
      promiseMiddleware: [timeoutMiddleware],
    }),
  )
}

/** Creates a connector that caches connections and tokens per cluster and shares in-flight look-ups. */
export function createKubeConnector(deps: KubeConnectorDeps): KubeConnector {
  const now = deps.now ?? Date.now
  const connections = new Map<string, { value: Promise<ClusterConnection>; until: number }>()
  const tokens = new Map<string, { value: Promise<EksToken>; expiresAt?: number }>()
  const clients = new Map<string, { token: string; connection: ClusterConnection; clients: KubeClients }>()

  async function loadConnection(ref: ClusterRef): Promise<ClusterConnection> {
    const cluster = await deps.describeCluster(ref)
    // DescribeCluster omits endpoint and CA until the cluster is ACTIVE (docs/authentication-modes.md#describecluster).
    if (!cluster.endpoint || !cluster.caData) {
      throw new ConsoleError(
        'conflict',
        `The cluster ${ref.name} has no API server endpoint yet (status ${cluster.status ?? 'unknown'}); ` +
          `the console can reach its Kubernetes API once it is ACTIVE.`,
      )
    }
    return { arn: cluster.arn ?? '', endpoint: cluster.endpoint, caData: cluster.caData }
  }

  function getConnection(ref: ClusterRef): Promise<ClusterConnection> {
    const key = keyOf(ref)
    const cached = connections.get(key)
    if (cached && cached.until > now()) return cached.value
    const value = loadConnection(ref)
    connections.set(key, { value, until: now() + CONNECTION_TTL_MS })
    value.catch(() => connections.delete(key))
    return value
  }

  function getToken(ref: ClusterRef): Promise<EksToken> {
    const key = keyOf(ref)
    const cached = tokens.get(key)
    if (cached && (cached.expiresAt === undefined || cached.expiresAt - TOKEN_RENEW_BEFORE_MS > now())) {
      return cached.value
    }
    const entry: { value: Promise<EksToken>; expiresAt?: number } = {
      value: deps.getCredentials(ref.region).then((credentials) =>
        buildEksToken({
          clusterName: ref.name,
          region: ref.region,
          credentials,
          endpointUrl: deps.stsEndpointUrl,
          now: new Date(now()),
        }),
      ),
    }
    entry.value.then(
      (token) => (entry.expiresAt = token.expiresAt.getTime()),
      () => tokens.delete(key),
    )
    tokens.set(key, entry)
    return entry.value
  }

  async function getClients(ref: ClusterRef): Promise<KubeClients> {
    const [connection, { token }] = await Promise.all([getConnection(ref), getToken(ref)])
    const key = keyOf(ref)
    const cached = clients.get(key)
    if (cached && cached.token === token && cached.connection === connection) return cached.clients
    const kc = new KubeConfig()
    kc.loadFromOptions({
      clusters: [{ name: connection.arn || key, server: connection.endpoint, caData: connection.caData }],
      users: [{ name: 'console', token }],
      contexts: [{ name: 'console', cluster: connection.arn || key, user: 'console' }],
      currentContext: 'console',
    })
    const built: KubeClients = {
      cluster: ref,
      endpoint: connection.endpoint,
      core: makeApiClient(kc, CoreV1Api),
      rbac: makeApiClient(kc, RbacAuthorizationV1Api),
      authn: makeApiClient(kc, AuthenticationV1Api),
      authz: makeApiClient(kc, AuthorizationV1Api),
    }
    clients.set(key, { token, connection, clients: built })
    return built
  }

  return {
    getConnection,
    getToken,
    getClients,
    invalidate(ref) {
      const key = keyOf(ref)
      connections.delete(key)
      tokens.delete(key)
      clients.delete(key)
    },
  }
}
