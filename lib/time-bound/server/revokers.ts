import 'server-only'

import { revokeAccessGrant, type RevokeOutcome } from './revoke-access-grant'
import { revokeAwsAuthMapping } from './revoke-aws-auth-mapping'
import { revokeRoleBinding } from './revoke-role-binding'
import type { StoredGrant } from './time-bound-store'

/**
 * Removes what one grant added, by the kind of grant: access entries, their policy associations, aws-auth rows,
 * RoleBindings and ClusterRoleBindings. A new kind adds itself to GrantAddition and its revoker here; the scheduler,
 * store and audit need no change.
 */
export function revokeGrant(grant: StoredGrant): Promise<RevokeOutcome> {
  const addition = grant.addition
  switch (addition.kind) {
    case 'access-entry':
    case 'access-policy':
      return revokeAccessGrant({ ...grant, addition })
    case 'aws-auth-mapping':
      return revokeAwsAuthMapping({ ...grant, addition })
    case 'role-binding':
      return revokeRoleBinding({ ...grant, addition })
  }
}
