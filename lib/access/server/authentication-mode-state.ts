import 'server-only'

import type { Update } from '@aws-sdk/client-eks'

import type { AuthenticationModeState, ClusterUpdateDto } from '@/lib/access/access-entry-dto'
import {
  canChangeAuthenticationMode,
  isAuthenticationMode,
  nextAuthenticationMode,
} from '@/lib/access/authentication-mode'
import { ConsoleError } from '@/lib/api/console-error'
import { describeClusterUpdate, listClusterUpdateIds, updateAuthenticationMode } from '@/lib/aws/authentication-mode'
import { readAuthenticationMode } from '@/lib/aws/cluster-mappers'
import { describeEksCluster } from '@/lib/aws/eks-clusters'
import type { AuthenticationMode } from '@/lib/clusters/cluster-schemas'

/** An EKS cluster update as the access page shows it (the mode it moves to, when it is a mode switch). */
export function toUpdateDto(update: Update): ClusterUpdateDto {
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
export async function getClusterUpdate(region: string, cluster: string, updateId: string): Promise<ClusterUpdateDto> {
  return toUpdateDto(await describeClusterUpdate(region, cluster, updateId))
}

/** The newest authentication-mode update still in progress, if any (so a reload keeps showing progress). */
async function findRunningModeUpdate(region: string, cluster: string): Promise<ClusterUpdateDto | null> {
  for (const id of [...(await listClusterUpdateIds(region, cluster))].reverse()) {
    const update = await getClusterUpdate(region, cluster, id)
    if (update.type === 'AccessConfigUpdate' && update.status === 'InProgress') return update
  }
  return null
}

/** The current authentication mode and, when a switch is running, its update. */
export async function getAuthenticationModeState(region: string, cluster: string): Promise<AuthenticationModeState> {
  const described = await describeEksCluster(region, cluster)
  const update = described.status === 'UPDATING' ? await findRunningModeUpdate(region, cluster) : null
  return {
    mode: readAuthenticationMode(described),
    clusterStatus: described.status ?? 'UNKNOWN',
    autoMode: described.computeConfig?.enabled === true,
    update,
  }
}

/**
 * UpdateClusterConfig from the mode the caller read (`from`) to the next one. EKS only moves one step forward
 * (CONFIG_MAP → API_AND_CONFIG_MAP → API), so a request for anything else is refused here with the reason before it
 * reaches EKS.
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
  return toUpdateDto(await updateAuthenticationMode(region, cluster, to))
}
