import 'server-only'

import { configuredAwsEndpoint, getStsClient } from '@/lib/aws/aws-clients'
import { toConsoleError } from '@/lib/aws/aws-errors'
import { describeEksCluster } from '@/lib/aws/eks-clusters'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { env } from '@/lib/env'
import { kubeOperation, observeUpstreamCall } from '@/lib/metrics/server/metrics-registry'

import { createKubeConnector, type KubeClients, type KubeConnector } from './kube-connection'
import { toKubeConsoleError, type KubeCallContext } from './kube-errors'

function createDefaultConnector(): KubeConnector {
  return createKubeConnector({
    async describeCluster(ref) {
      const cluster = await describeEksCluster(ref.region, ref.name)
      return {
        arn: cluster.arn,
        status: cluster.status,
        endpoint: cluster.endpoint,
        caData: cluster.certificateAuthority?.data,
      }
    },
    async getCredentials(region) {
      // The STS client's provider is the SDK default chain (env, AWS_PROFILE, web identity, container/instance role),
      // so the token is signed by the same principal every other console call uses.
      try {
        return await getStsClient(region).config.credentials()
      } catch (error) {
        throw toConsoleError(error, { service: 'STS', region, endpoint: configuredAwsEndpoint() })
      }
    },
    stsEndpointUrl: env.awsEndpointUrl,
  })
}

let connector: KubeConnector | undefined

/** The process-wide connector (created on first use). */
export function getKubeConnector(): KubeConnector {
  connector ??= createDefaultConnector()
  return connector
}

/** Replaces the process-wide connector (integration tests point it at a test API server). */
export function setKubeConnector(next: KubeConnector | undefined): void {
  connector = next
}

/** What a call does, for error messages and 403 details: `{ verb: 'list', resource: 'pods', namespace: 'team-a' }`. */
export type KubeAction = Omit<KubeCallContext, 'cluster' | 'endpoint'>

/**
 * The one retry rule of every Kubernetes call the console makes, whichever transport (client-node or kube-raw's
 * HTTPS streaming): `attempt` runs with the process-wide connector and reports the endpoint it used; a 401 is retried
 * once after forgetting the cluster's cached endpoint, CA and token (a fresh DescribeCluster and token), since those
 * may be what went stale. Any other failure, or a second 401, becomes a ConsoleError naming `action`. Each request is
 * bounded by the upstream timeout in the transport itself (kube-connection.ts aborts it; kube-raw.ts idles it out).
 */
export async function withKubeRetry<T>(
  ref: ClusterRef,
  action: KubeAction,
  attempt: (kube: KubeConnector, useEndpoint: (endpoint: string) => void) => Promise<T>,
): Promise<T> {
  const kube = getKubeConnector()
  let endpoint = ''
  const useEndpoint = (next: string) => {
    endpoint = next
  }
  for (let tries = 0; ; tries++) {
    try {
      // Timed with the connection lookup, which is cached after the first call (a cold one includes DescribeCluster).
      const startedAt = performance.now()
      try {
        const result = await attempt(kube, useEndpoint)
        observeUpstreamCall('kubernetes', kubeOperation(action), startedAt)
        return result
      } catch (error) {
        observeUpstreamCall('kubernetes', kubeOperation(action), startedAt, error)
        throw error
      }
    } catch (error) {
      const unauthorized = (error as { code?: unknown } | null)?.code === 401
      if (unauthorized && tries === 0) {
        kube.invalidate(ref)
        continue
      }
      throw toKubeConsoleError(error, { cluster: ref.name, endpoint, ...action })
    }
  }
}

/** Runs one call with the typed client-node clients of `ref`, authenticated as the console ({@link withKubeRetry}). */
export function callKube<T>(
  ref: ClusterRef,
  action: KubeAction,
  call: (clients: KubeClients) => Promise<T>,
): Promise<T> {
  return withKubeRetry(ref, action, async (kube, useEndpoint) => {
    const clients = await kube.getClients(ref)
    useEndpoint(clients.endpoint)
    return call(clients)
  })
}
