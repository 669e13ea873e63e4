// The aws-auth ConfigMaps of the clusters whose authentication mode still reads it (reference §6).
import { stringify } from 'yaml'
import { DELETED_ROLE_ARN, ROLE_ARNS, USER_ARNS } from '../../core/seed-constants'

const NODE_MAPPING = {
  rolearn: ROLE_ARNS.eksNodeRole,
  username: 'system:node:{{EC2PrivateDNSName}}',
  groups: ['system:bootstrappers', 'system:nodes'],
}

/** prod-web (API_AND_CONFIG_MAP): node role, a system:masters mapping, a team mapping shadowed by its access entry, and a role deleted from IAM. */
export function buildProdWebAwsAuth(): Record<string, string> {
  return {
    mapRoles: stringify([
      NODE_MAPPING,
      { rolearn: ROLE_ARNS.PlatformAdmin, username: 'platform-admin:{{SessionName}}', groups: ['system:masters'] },
      // Also an access entry: in API_AND_CONFIG_MAP the entry wins, so these groups never apply.
      {
        rolearn: ROLE_ARNS.TeamBDeveloper,
        username: 'team-b-legacy:{{SessionName}}',
        groups: ['team-b-devs', 'team-b-legacy'],
      },
      // The role was deleted from IAM; the mapping lingers.
      { rolearn: DELETED_ROLE_ARN, username: 'ci-deployer', groups: ['ci-deployers'] },
    ]),
    mapUsers: stringify([]),
  }
}

/** legacy-batch (CONFIG_MAP): node role, alice → team-a-devs, an admin role in system:masters. */
export function buildLegacyBatchAwsAuth(): Record<string, string> {
  return {
    mapRoles: stringify([
      NODE_MAPPING,
      { rolearn: ROLE_ARNS.PlatformAdmin, username: 'admin:{{SessionName}}', groups: ['system:masters'] },
    ]),
    mapUsers: stringify([{ userarn: USER_ARNS.alice, username: 'alice', groups: ['team-a-devs'] }]),
  }
}
