import 'server-only'

import type { Session } from 'next-auth'

import { setAccessPolicy } from '@/lib/access/server/access-entry-service'
import { getEntryDetail } from '@/lib/access/server/entry-detail-cache'
import { grantAccess } from '@/lib/access/server/grant-access'
import { ConsoleError, isConsoleError } from '@/lib/api/console-error'

import type { StoredRequest } from './access-request-store'

/**
 * Grants what an approved request asked for, as a time-bound grant made by the approver, through the grant form's
 * own services (so it is audited, bounded by the cluster's maximum and revoked like any other grant): a new entry, or
 * a new policy association when the principal has an entry already.
 */
export async function grantRequest(r: StoredRequest, approver: Session['user']): Promise<void> {
  const entryTarget = { region: r.region, cluster: r.cluster, principalArn: r.request.principalArn }
  const { policyArn, accessScope, duration } = r.request
  const exists = await getEntryDetail(entryTarget, { fresh: true }).then(
    () => true,
    (error: unknown) => (isConsoleError(error) && error.code === 'not_found' ? false : Promise.reject(error)),
  )
  if (exists) {
    await setAccessPolicy(entryTarget, { policyArn, accessScope, duration }, approver, { kind: 'any' })
    return
  }
  const result = await grantAccess(
    { region: r.region, cluster: r.cluster },
    {
      principalArn: r.request.principalArn,
      type: 'STANDARD',
      kubernetesGroups: [],
      accessPolicies: [{ policyArn, accessScope }],
      duration,
    },
    approver,
  )
  if (!result.complete) {
    throw new ConsoleError('upstream_error', 'The entry was created but the policy was not associated.')
  }
}
