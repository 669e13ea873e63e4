// The sandbox's OIDC issuers, served on the Kubernetes API's HTTPS port under `/oidc/<id>` (EKS requires an https
// issuer), and the Kubernetes authentication hook that accepts their ID tokens for the providers associated with a
// cluster.
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { World } from '../core/world'
import { findCluster, listClusters } from '../eks/state'
import type { StartKubeApiOptions } from '../kube/kube-api-server'
import { SANDBOX_ISSUERS } from './issuer-directory'
import { authenticateOidcToken } from './oidc-authenticator'
import { createSandboxIssuer, type SandboxIssuer } from './oidc-issuer'

const ROUTE = /^\/oidc\/([a-z0-9-]+)(\/.*)$/
const MAX_FORM = 64 * 1024
/** A seeded association names the issuer with the default port; the live port replaces it (like cluster endpoints). */
const SEEDED_ISSUER = /^https:\/\/127\.0\.0\.1:\d+\/oidc\/([a-z0-9-]+)$/

export interface SandboxIssuers {
  issuers: SandboxIssuer[]
  serve(req: IncomingMessage, res: ServerResponse): Promise<boolean>
  authenticate: StartKubeApiOptions['authenticate']
  /** Points seeded associations of the sandbox's issuers at the live port. */
  connect(world: World): void
}

async function readForm(req: IncomingMessage): Promise<string> {
  let body = ''
  for await (const chunk of req) {
    body += (chunk as Buffer).toString('utf8')
    if (body.length > MAX_FORM) throw new Error('form too large')
  }
  return body
}

/** Creates the issuers; `origin()` is the HTTPS port's `https://host:port`, known once it listens. */
export async function createSandboxIssuers(getWorld: () => World, origin: () => string): Promise<SandboxIssuers> {
  const issuers = await Promise.all(SANDBOX_ISSUERS.map((dir) => createSandboxIssuer(dir, origin)))
  const keysFor = (issuerUrl: string) => issuers.find((i) => i.issuerUrl() === issuerUrl)?.jwks
  return {
    issuers,
    async serve(req, res) {
      const m = ROUTE.exec(new URL(req.url ?? '/', 'https://sandbox').pathname)
      const issuer = m && issuers.find((i) => i.id === m[1])
      if (!m || !issuer) return false
      const body = req.method === 'POST' ? await readForm(req) : ''
      await issuer.handle(req, res, m[2] ?? '/', body)
      return true
    },
    async authenticate({ cluster, bearerToken }) {
      // EKS tokens are `k8s-aws-v1.…`; an ID token is a JWT (three dot-separated parts).
      if (!bearerToken || bearerToken.startsWith('k8s-aws-v1.') || bearerToken.split('.').length !== 3) return undefined
      const record = findCluster(getWorld().eks, cluster.region, cluster.name)
      if (!record) return undefined
      // Issuers outside the sandbox cannot be reached from here: their tokens are refused (no JWKS).
      return authenticateOidcToken(bearerToken, Object.values(record.identityProviderConfigs), keysFor)
    },
    connect(world) {
      for (const cluster of listClusters(world.eks)) {
        for (const config of Object.values(cluster.identityProviderConfigs)) {
          const id = SEEDED_ISSUER.exec(config.issuerUrl)?.[1]
          const live = id && issuers.find((i) => i.id === id)
          if (live) config.issuerUrl = live.issuerUrl()
        }
      }
    },
  }
}
