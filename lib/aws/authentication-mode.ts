import 'server-only'

import { DescribeUpdateCommand, ListUpdatesCommand, UpdateClusterConfigCommand, type Update } from '@aws-sdk/client-eks'

import { ConsoleError } from '@/lib/api/console-error'
import type { AuthenticationModeState, ClusterUpdateDto } from '@/lib/access/access-entry-dto'
import {
  canChangeAuthenticationMode,
  isAuthenticationMode,
  nextAuthenticationMode,
} from '@/lib/access/authentication-mode'
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

function toUpdateDto(update: Update): ClusterUpdateDto {
  const target = update.params?.find((p) => p.type === 'AuthenticationMode')?.value
  return {
    id: update.id ?? '',
    status: update.status ?? 'Unknown',
    type: update.type ?? null,
    createdAt: update.createdAt ? update.createdAt.toISOString() : null,
    errors: (update.errors ?? []).map((e) => ({ code: e.errorCode ?? null, message: e.errorMessage ?? null })),
    targetMode: isAuthenticationMode(target) ? target : null,
  }
}

/** DescribeUpdate for one cluster update (the progress of a mode switch). */
export async function describeClusterUpdate(
  region: string,
  cluster: string,
  updateId: string,
): Promise<ClusterUpdateDto> {
  try {
    const out = await getEksClient(region).send(new DescribeUpdateCommand({ name: cluster, updateId }))
    if (!out.update) throw new ConsoleError('not_found', `No update ${updateId} on ${cluster}.`)
    return toUpdateDto(out.update)
  } catch (error) {
    throw toConsoleError(error, {
      ...context(region, cluster),
      notFoundMessage: `No update ${updateId} on ${cluster}.`,
    })
  }
}

/** The newest authentication-mode update still in progress, if any (so a reload keeps showing progress). */
async function findRunningModeUpdate(region: string, cluster: string): Promise<ClusterUpdateDto | null> {
  const { updateIds = [] } = await getEksClient(region).send(new ListUpdatesCommand({ name: cluster, maxResults: 100 }))
  for (const id of [...updateIds].reverse()) {
    const update = await describeClusterUpdate(region, cluster, id)
    if (update.type === 'AccessConfigUpdate' && update.status === 'InProgress') return update
  }
  return null
}

/** The current authentication mode and, when a switch is running, its update. */
export async function getAuthenticationModeState(region: string, cluster: string): Promise<AuthenticationModeState> {
  const described = await describeEksCluster(region, cluster)
  let update: ClusterUpdateDto | null = null
  try {
    update = described.status === 'UPDATING' ? await findRunningModeUpdate(region, cluster) : null
  } catch (error) {
    throw toConsoleError(error, context(region, cluster))
  }
  return {
    mode: readAuthenticationMode(described),
    clusterStatus: described.status ?? 'UNKNOWN',
    autoMode: described.computeConfig?.enabled === true,
    update,
  }
}

/** The cluster's current authentication mode (DescribeCluster). */
export async function getAuthenticationMode(region: string, cluster: string): Promise<AuthenticationMode> {
  return readAuthenticationMode(await describeEksCluster(region, cluster))
}

/**
 * UpdateClusterConfig from the mode the caller read (`from`, see {@link getAuthenticationMode}) to the next one. EKS
 * only moves one step forward (CONFIG_MAP → API_AND_CONFIG_MAP → API), so a request for anything else is refused here
 * with the reason before it reaches EKS.
 */
export async function switchAuthenticationMode(
  region: string,
  cluster: string,
  change: { from: AuthenticationMode; to: AuthenticationMode },
): Promise<ClusterUpdateDto> {
  const { from: current, to } = change
  if (!canChangeAuthenticationMode(current, to)) {
    const next = nextAuthenticationMode(current)
    const message = next
      ? `${cluster} is on ${current}; EKS only allows moving one step forward, to ${next}.`
      : `${cluster} is already on API, the final mode; it cannot change again.`
    throw new ConsoleError('validation_failed', message, { issues: [{ path: ['authenticationMode'], message }] })
  }
  try {
    const out = await getEksClient(region).send(
      new UpdateClusterConfigCommand({ name: cluster, accessConfig: { authenticationMode: to } }),
    )
    if (!out.update) throw new Error('UpdateClusterConfig returned no update')
    return toUpdateDto(out.update)
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
