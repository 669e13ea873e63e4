// The sandbox's Kubernetes API: every cluster on its own HTTPS port (cluster-listeners.ts; DescribeCluster's
// `endpoint`), and all of them also on one shared port under `/clusters/<region>/<name>` (the shared port also
// serves the OIDC issuers; the path form stays for saved kubeconfigs). Authentication is an injected hook (the AWS
// side verifies EKS tokens); authorization is EKS-like (authorize.ts).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:https'
import type { AddressInfo } from 'node:net'

import { accessPolicyRules } from '@/lib/access/policy-catalogue'

import type { FaultInjector } from '../core/faults'
import { authorize, buildForbiddenMessage, type AuthorizationInput } from './authorize'
import { createClusterListeners } from './cluster-listeners'
import type { ClusterStore } from './cluster-store'
import type { HandlerResult } from './handler-types'
import { checkImpersonation, readImpersonatedGroups, readImpersonation } from './impersonation'
import { KubeError } from './kube-error'
import { applyKubeFault } from './kube-faults'
import { parseJsonBody, readBody, send, toAttributes } from './kube-http'
import type { KubeStore } from './kube-store'
import { serveNonResource } from './non-resource'
import { decodeProtobufBody, isKubeProtobuf } from './protobuf-object-body'
import { confirmNoRbacEscalation } from './rbac-escalation'
import { createStoreRbacSource } from './rbac-source'
import { parseKubePath } from './request-path'
import { handleResourceRequest } from './resource-handlers'
import { findResource } from './resources'
import { handleReview } from './review-handlers'
import { buildTableIfRequested } from './table'
import { loadOrCreateKubeTlsAsync } from './tls'
import type { AccessPolicyGrant, ClusterRef, KubeObject, PolicyRule, UserInfo } from './types'

export interface StartKubeApiOptions {
  port?: number
  host?: string
  store: KubeStore
  /** Maps a bearer token to a user (undefined → 401). The server adds `system:authenticated`. */
  authenticate(req: { cluster: ClusterRef; bearerToken: string | undefined }): Promise<UserInfo | undefined>
  /** The caller's EKS access-policy associations (empty for aws-auth identities). */
  accessPoliciesFor(cluster: ClusterRef, user: UserInfo): AccessPolicyGrant[]
  /** Defaults to lib/access/policy-catalogue.ts `accessPolicyRules`. */
  accessPolicyRules?: (policyArn: string) => PolicyRule[] | undefined
  /**
   * Called for a cluster the store does not know (e.g. created through EKS CreateCluster after start); return true
   * after registering it in the store to serve it, false for a 404.
   */
  ensureCluster?(cluster: ClusterRef): boolean
  /** Where the CA lives (`<stateDir>/kube-tls`); defaults to the store's state dir; none = ephemeral CA. */
  stateDir?: string
  /**
   * The port a cluster's saved endpoint names (persisted state), so that it gets the same port again; clusters with
   * one are opened first.
   */
  savedPortFor?(cluster: ClusterRef): number | undefined
  /** The sandbox's fault rules; those for the `kube` target apply to this API. */
  faults?: FaultInjector
  /** Other HTTPS services on this port (the OIDC issuers under `/oidc/`): true when it answered the request. */
  serveOther?(req: IncomingMessage, res: ServerResponse): Promise<boolean>
}

export interface KubeApi {
  /** The shared port (OIDC issuers, `/clusters/<region>/<name>/…`). */
  port: number
  caCertPem: string
  /**
   * The cluster's own endpoint `https://127.0.0.1:<its port>` (DescribeCluster's `endpoint`) once its listener is
   * open, else the path form `https://127.0.0.1:<port>/clusters/<region>/<name>` on the shared port.
   */
  endpointFor(cluster: ClusterRef): string
  /** Opens the cluster's own listener (idempotent); `preferredPort` is the port its saved endpoint names. */
  connectCluster(cluster: ClusterRef, preferredPort?: number): Promise<string>
  /** Closes the cluster's own listener (EKS DeleteCluster). */
  disconnectCluster(cluster: ClusterRef): Promise<void>
  close(): Promise<void>
}

const PREFIX = /^\/clusters\/([a-z0-9-]+)\/([0-9A-Za-z][A-Za-z0-9\-_]*)(\/.*)?$/
/** Starts the HTTPS server; resolves once it listens. */
export async function startKubeApi(opts: StartKubeApiOptions): Promise<KubeApi> {
  const tls = await loadOrCreateKubeTlsAsync(opts.stateDir ?? opts.store.stateDir)
  const host = opts.host ?? '127.0.0.1'
  const policyRules = opts.accessPolicyRules ?? accessPolicyRules

  const buildInput =
    (cluster: ClusterRef, store: ClusterStore) =>
    (user: UserInfo, o: { includeAccessPolicies: boolean }): AuthorizationInput => ({
      user,
      accessPolicies: o.includeAccessPolicies ? opts.accessPoliciesFor(cluster, user) : [],
      accessPolicyRules: policyRules,
      rbac: createStoreRbacSource(store),
    })

  /** Routes a request on the shared port by its `/clusters/<region>/<name>` prefix. */
  async function handleShared(req: IncomingMessage): Promise<HandlerResult> {
    const url = new URL(req.url ?? '/', 'https://sandbox')
    const m = PREFIX.exec(url.pathname)
    if (!m)
      throw new KubeError(
        'NotFound',
        "the server could not find the requested resource (this port serves clusters under /clusters/<region>/<name>/...; DescribeCluster's endpoint is the cluster's own port)",
      )
    return handle(req, { region: m[1] ?? '', name: m[2] ?? '' }, url, m[3] ?? '/')
  }

  async function handle(req: IncomingMessage, cluster: ClusterRef, url: URL, path: string): Promise<HandlerResult> {
    const store =
      opts.store.getCluster(cluster) ?? (opts.ensureCluster?.(cluster) ? opts.store.getCluster(cluster) : undefined)
    if (!store) throw new KubeError('NotFound', `the sandbox has no cluster ${cluster.name} in ${cluster.region}`)
    const header = req.headers.authorization
    const bearerToken = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined
    const authenticated = await opts.authenticate({ cluster, bearerToken })
    if (!authenticated) throw new KubeError('Unauthorized', 'Unauthorized')
    const groups = authenticated.groups.includes('system:authenticated')
      ? authenticated.groups
      : [...authenticated.groups, 'system:authenticated']
    const requester: UserInfo = { ...authenticated, groups }
    const method = (req.method ?? 'GET').toUpperCase()
    const parsed = parseKubePath(path)
    const watch = ['1', 'true'].includes(url.searchParams.get('watch') ?? '')
    const attrs = toAttributes(parsed, method, watch)
    const baseInputFor = buildInput(cluster, store)
    const impersonated = readImpersonation(req.headers)
    if (impersonated) {
      const requesterInput = baseInputFor(requester, { includeAccessPolicies: true })
      checkImpersonation(
        requester,
        impersonated,
        (a) => authorize(a, requesterInput),
        readImpersonatedGroups(req.headers),
      )
    }
    const user = impersonated ?? requester
    // EKS: access policies belong to the IAM caller; an impersonated identity gets RBAC only.
    const inputFor = (u: UserInfo, o: { includeAccessPolicies: boolean }) =>
      baseInputFor(u, { includeAccessPolicies: o.includeAccessPolicies && !impersonated })
    const decision = authorize(attrs, inputFor(user, { includeAccessPolicies: true }))
    if (!decision.allowed) {
      const gr =
        attrs.kind === 'resource' ? { group: attrs.apiGroup || undefined, kind: attrs.resource, name: attrs.name } : {}
      throw new KubeError('Forbidden', buildForbiddenMessage(user.username, attrs, decision.reason), gr)
    }
    if (parsed.kind === 'nonResource') return serveNonResource(parsed.path, store)
    const def = findResource(parsed.group, parsed.version, parsed.resource)
    if (!def || (parsed.namespace !== undefined && !def.namespaced))
      throw new KubeError('NotFound', 'the server could not find the requested resource')
    // DELETE may carry DeleteOptions (preconditions, propagationPolicy).
    const raw = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) ? await readBody(req) : undefined
    const body =
      raw === undefined
        ? undefined
        : isKubeProtobuf(req.headers['content-type'])
          ? decodeProtobufBody(raw)
          : parseJsonBody(raw)
    const headers = { 'content-type': req.headers['content-type'], accept: req.headers.accept }
    // `namespaces/<name>` addresses the Namespace object, not a namespace scope.
    const namespace = def.namespaced ? parsed.namespace : undefined
    const request = {
      method,
      def,
      namespace,
      name: parsed.name,
      subresource: parsed.subresource,
      query: url.searchParams,
      headers,
      body,
      store,
      user,
      confirmWrite:
        def.group === 'rbac.authorization.k8s.io'
          ? (next: KubeObject, current: KubeObject | undefined) =>
              confirmNoRbacEscalation(
                {
                  user,
                  isAllowed: (a) => authorize(a, inputFor(user, { includeAccessPolicies: true })).allowed,
                  rbac: createStoreRbacSource(store),
                },
                { resource: def.resource, namespace, urlName: parsed.name },
                next,
                current,
              )
          : undefined,
    }
    if (def.virtual) return handleReview(request, { buildAuthorizationInput: inputFor })
    const result = handleResourceRequest(request)
    return buildTableIfRequested(result, def, req.headers.accept)
  }

  const server = createServer({ cert: tls.serverCertPem, key: tls.serverKeyPem }, (req, res) => {
    ;(opts.serveOther?.(req, res) ?? Promise.resolve(false))
      .then((answered) => answered || applyKubeFault(req, res, opts.faults))
      .then((answered) => (answered ? undefined : serve(handleShared(req), res)))
      .catch((error: unknown) => res.destroy(error as Error))
  })
  const serveCluster = (cluster: ClusterRef, req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://sandbox')
    // Fault rules match paths as the shared port spells them, so one rule covers both ways of reaching a cluster.
    const faultPath = `/clusters/${cluster.region}/${cluster.name}${url.pathname}`
    applyKubeFault(req, res, opts.faults, faultPath)
      .then((answered) => (answered ? undefined : serve(handle(req, cluster, url, url.pathname), res)))
      .catch((error: unknown) => res.destroy(error as Error))
  }
  const serve = (pending: Promise<HandlerResult>, res: ServerResponse) =>
    pending.then(
      (result) => send(res, result),
      (err: unknown) => {
        const e =
          err instanceof KubeError
            ? err
            : new KubeError(
                'InternalError',
                `Internal error occurred: ${err instanceof Error ? err.message : String(err)}`,
              )
        send(res, { status: e.code, body: e.toStatus() })
      },
    )
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  // A wildcard bind address is not something a client can dial; advertise loopback instead.
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  const listeners = createClusterListeners({
    host,
    urlHost,
    basePort: opts.port ? port : 0,
    tls: { cert: tls.serverCertPem, key: tls.serverKeyPem },
    serve: serveCluster,
  })
  // Saved ports first, then the rest sorted, so that with a fixed port the seeded clusters get the same ports on
  // every start.
  const known = [...opts.store.listClusters()]
    .map((c) => ({ c, saved: opts.savedPortFor?.(c) }))
    .sort((a, b) =>
      a.saved !== undefined || b.saved !== undefined
        ? (a.saved ?? Infinity) - (b.saved ?? Infinity)
        : `${a.c.region}/${a.c.name}`.localeCompare(`${b.c.region}/${b.c.name}`),
    )
  for (const { c, saved } of known) await listeners.open(c, saved)
  return {
    port,
    caCertPem: tls.caCertPem,
    endpointFor: (c) => listeners.endpointFor(c) ?? `https://${urlHost}:${port}/clusters/${c.region}/${c.name}`,
    connectCluster: (c, preferredPort) => listeners.open(c, preferredPort),
    disconnectCluster: (c) => listeners.closeCluster(c),
    close: async () => {
      await listeners.close()
      await new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
    },
  }
}
