import 'server-only'

import type { Session } from 'next-auth'

import type { ClusterUpdateDto } from '@/lib/access/access-entry-dto'
import { getAuthenticationMode } from '@/lib/aws/authentication-mode'
import type { AuthenticationMode } from '@/lib/clusters/cluster-schemas'

import { switchAuthenticationMode } from './authentication-mode-state'
import { recordAuthenticationModeChange } from './record-access-change'

/**
 * Switches a cluster's authentication mode one step forward (UpdateClusterConfig) and records the switch in the audit
 * log with the mode it read before, the mode asked for and the EKS update id. A refusal is recorded as failed too: the
 * console only refuses what EKS would refuse (a skipped step, a step back, a second update while one runs), so the log
 * reads the same whichever of the two said no. When the current mode cannot be read, nothing was attempted and
 * nothing is recorded.
 */
export async function changeAuthenticationMode(
  target: { region: string; cluster: string },
  to: AuthenticationMode,
  actor: Session['user'],
): Promise<ClusterUpdateDto> {
  const before = await getAuthenticationMode(target.region, target.cluster)
  const change = { actor, ...target, before, after: to }
  let update: ClusterUpdateDto
  try {
    update = await switchAuthenticationMode(target.region, target.cluster, { from: before, to })
  } catch (error) {
    await recordAuthenticationModeChange({ ...change, result: 'failed', error })
    throw error
  }
  await recordAuthenticationModeChange({ ...change, result: 'applied', updateId: update.id })
  return update
}
