import 'server-only'

import { DescribeUpdateCommand, ListUpdatesCommand, UpdateClusterConfigCommand, type Update } from '@aws-sdk/client-eks'

import { ConsoleError } from '@/lib/api/console-error'
import type { AuthenticationMode } from '@/lib/clusters/cluster-schemas'

import { configuredAwsEndpoint, getEksClient } from './aws-clients'
import { toConsoleError } from './aws-errors'
import { readAuthenticationMode } from './cluster-mappers'
import { describeEksCluster } from './eks-clusters'

const context = (region: string, cluster: string) => ({
  service: 'EKS' as const,
  region,
  endpoint: configuredAwsEndpoint(),
  notFoundMessage: `No cluster named ${cluster} in ${region}.`,
})

/** DescribeUpdate for one cluster update, as EKS returns it. */
export async function describeClusterUpdate(region: string, cluster: string, updateId: string): Promise<Update> {
  try {
    const out = await getEksClient(region).send(new DescribeUpdateCommand({ name: cluster, updateId }))
    if (!out.update) throw new ConsoleError('not_found', `No update ${updateId} on ${cluster}.`)
    return out.update
  } catch (error) {
    throw toConsoleError(error, {
      ...context(region, cluster),
      notFoundMessage: `No update ${updateId} on ${cluster}.`,
    })
  }
}

/** ListUpdates of a cluster (the newest 100 ids, oldest first as EKS returns them). */
export async function listClusterUpdateIds(region: string, cluster: string): Promise<string[]> {
  try {
    const out = await getEksClient(region).send(new ListUpdatesCommand({ name: cluster, maxResults: 100 }))
    return out.updateIds ?? []
  } catch (error) {
    throw toConsoleError(error, context(region, cluster))
  }
}

/** The cluster's current authentication mode (DescribeCluster). */
export async function getAuthenticationMode(region: string, cluster: string): Promise<AuthenticationMode> {
  return readAuthenticationMode(await describeEksCluster(region, cluster))
}

/**
 * UpdateClusterConfig to authentication mode `to`, as EKS returns the update. A second update while one runs
 * (ResourceInUseException) is a conflict the person can wait out.
 */
export async function updateAuthenticationMode(
  region: string,
  cluster: string,
  to: AuthenticationMode,
): Promise<Update> {
  try {
    const out = await getEksClient(region).send(
      new UpdateClusterConfigCommand({ name: cluster, accessConfig: { authenticationMode: to } }),
    )
    if (!out.update) throw new Error('UpdateClusterConfig returned no update')
    return out.update
  } catch (error) {
    const name = (error as { name?: unknown }).name
    if (name === 'ResourceInUseException') {
      throw new ConsoleError('conflict', `${cluster} already has an update in progress. Wait for it to finish.`, {
        cause: error,
      })
    }
    throw toConsoleError(error, context(region, cluster))
  }
}
