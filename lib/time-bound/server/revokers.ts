import 'server-only'

import { revokeAccessGrant, type RevokeOutcome } from './revoke-access-grant'
import type { StoredGrant } from './time-bound-store'

/**
 * Removes what one grant added, by the kind of grant. Access entries and their policy associations today; an aws-auth
 * mapping row (removed with the ConfigMap's resourceVersion) or a RoleBinding adds its kind to GrantAddition and its
 * revoker here, and the scheduler, store and audit need no change.
 */
export function revokeGrant(grant: StoredGrant): Promise<RevokeOutcome> {
  switch (grant.addition.kind) {
    case 'access-entry':
    case 'access-policy':
      return revokeAccessGrant(grant)
  }
}
