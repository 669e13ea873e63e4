// Test harness: a real KubeStore + startKubeApi on port 0 with a static token table standing in for EKS token
// verification, and @kubernetes/client-node clients configured exactly as a kubeconfig would (server URL with the
// cluster path, CA data, bearer token).
import {
  AuthenticationV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  KubeConfig,
  RbacAuthorizationV1Api,
} from '@kubernetes/client-node'

import { startKubeApi, type KubeApi } from '../kube-api-server'
import { KubeStore } from '../kube-store'
import { seedKubeStore } from '../seed/seed-kube-store'
import type { AccessPolicyGrant, ClusterRef, UserInfo } from '../types'

export interface TestIdentity {
  user: UserInfo
  accessPolicies?: AccessPolicyGrant[]
}

export interface TestKubeApi {
  api: KubeApi
  store: KubeStore
  seedStats: { largeClusterMs?: number }
  clientsFor(
    token: string,
    cluster: ClusterRef,
  ): {
    core: CoreV1Api
    rbac: RbacAuthorizationV1Api
    authz: AuthorizationV1Api
    authn: AuthenticationV1Api
    kubeConfig: KubeConfig
  }
  close(): Promise<void>
}

export const PROD_WEB: ClusterRef = { region: 'us-west-2', name: 'prod-web' }
export const EU_SHOP: ClusterRef = { region: 'eu-west-1', name: 'eu-shop' }
export const SCALE: ClusterRef = { region: 'us-west-2', name: 'scale' }

/** Starts a seeded API server whose `authenticate` hook looks tokens up in `identities`. */
export async function startTestKubeApi(
  identities: Record<string, TestIdentity>,
  opts: { scale?: 'default' | 'large' } = {},
): Promise<TestKubeApi> {
  const store = new KubeStore({})
  const seedStats = seedKubeStore(store, { scale: opts.scale ?? 'default' })
  const byUsername = new Map(Object.values(identities).map((i) => [i.user.username, i]))
  const api = await startKubeApi({
    port: 0,
    store,
    authenticate: async ({ bearerToken }) => (bearerToken ? identities[bearerToken]?.user : undefined),
    accessPoliciesFor: (_cluster, user) => byUsername.get(user.username)?.accessPolicies ?? [],
  })
  return {
    api,
    store,
    seedStats,
    clientsFor(token, cluster) {
      const kc = new KubeConfig()
      kc.loadFromOptions({
        clusters: [
          {
            name: 'c',
            server: api.endpointFor(cluster),
            caData: Buffer.from(api.caCertPem).toString('base64'),
            skipTLSVerify: false,
          },
        ],
        users: [{ name: 'u', token }],
        contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
        currentContext: 'c',
      })
      return {
        core: kc.makeApiClient(CoreV1Api),
        rbac: kc.makeApiClient(RbacAuthorizationV1Api),
        authz: kc.makeApiClient(AuthorizationV1Api),
        authn: kc.makeApiClient(AuthenticationV1Api),
        kubeConfig: kc,
      }
    },
    close: () => api.close(),
  }
}
