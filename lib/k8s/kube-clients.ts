import 'server-only'

import type { ClusterRef } from '@/lib/clusters/cluster-schemas'
import { configuredAwsEndpoint, getStsClient } from '@/lib/aws/aws-clients'
import { toConsoleError } from '@/lib/aws/aws-errors'
import { describeEksCluster } from '@/lib/aws/eks-clusters'
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

/** The typed Kubernetes clients of a cluster, authenticated as the console (cached endpoint, CA and token). */
export async function getKubeClients(ref: ClusterRef): Promise<KubeClients> {
  return getKubeConnector().getClients(ref)
}

/** What a call does, for error messages and 403 details: `{ verb: 'list', resource: 'pods', namespace: 'team-a' }`. */
export type KubeAction = Omit<KubeCallContext, 'cluster' | 'endpoint'>

/**
 * Runs one Kubernetes call as the console and maps its failure to a ConsoleError naming `action`. A 401 is retried
 * once with a fresh DescribeCluster and token, since the cached token or CA may be what went stale.
 */
export async function callKube<T>(
  ref: ClusterRef,
  action: KubeAction,
  call: (clients: KubeClients) => Promise<T>,
): Promise<T> {
  const kube = getKubeConnector()
  let endpoint = ''
  for (let attempt = 0; ; attempt++) {
    try {
      const clients = await kube.getClients(ref)
      endpoint = clients.endpoint
      // Each request the call makes is bounded by the upstream timeout (kube-connection.ts aborts it).
      const startedAt = performance.now()
      try {
        const result = await call(clients)
        observeUpstreamCall('kubernetes', kubeOperation(action), startedAt)
        return result
      } catch (error) {
        observeUpstreamCall('kubernetes', kubeOperation(action), startedAt, error)
        throw error
      }
    } catch (error) {
      const unauthorized = (error as { code?: unknown } | null)?.code === 401
      if (unauthorized && attempt === 0) {
        kube.invalidate(ref)
        continue
      }
      throw toKubeConsoleError(error, { cluster: ref.name, endpoint, ...action })
    }
  }
}
