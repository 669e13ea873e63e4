// The aws-auth ConfigMaps of the clusters whose authentication mode still reads it (docs/aws-auth.md).
import { stringify } from 'yaml'

import {
  ACCOUNT_ID,
  DELETED_ROLE_ARN,
  OTHER_ACCOUNT_ID,
  ROLE_ARNS,
  SSO_ROLE_NAME,
  USER_ARNS,
} from '../../core/seed-constants'

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

/**
 * legacy-batch (CONFIG_MAP): node role, an admin role in system:masters, alice → team-a-devs, and one real case for
 * every aws-auth rule: the Fargate pod execution role (EKS writes system:node:{{SessionName}} + system:node-proxier),
 * the IAM Identity Center role mapped WITHOUT its /aws-reserved/sso.amazonaws.com/… path (role sessions lose the path,
 * so only the path-less ARN matches), a bare {{SessionName}} username (aws-auth accepts it; an access entry would
 * not), a role deleted from IAM, and a mapAccounts row for the partner account.
 */
export function buildLegacyBatchAwsAuth(): Record<string, string> {
  return {
    mapRoles: stringify([
      NODE_MAPPING,
      { rolearn: ROLE_ARNS.PlatformAdmin, username: 'admin:{{SessionName}}', groups: ['system:masters'] },
      {
        rolearn: ROLE_ARNS.AmazonEKSFargatePodExecutionRole,
        username: 'system:node:{{SessionName}}',
        groups: ['system:bootstrappers', 'system:nodes', 'system:node-proxier'],
      },
      {
        rolearn: `arn:aws:iam::${ACCOUNT_ID}:role/${SSO_ROLE_NAME}`,
        username: 'sso-devops:{{SessionName}}',
        groups: ['team-b-devs'],
      },
      { rolearn: ROLE_ARNS.ReadOnlyAuditor, username: '{{SessionName}}', groups: [] },
      { rolearn: DELETED_ROLE_ARN, username: 'batch-deployer', groups: ['ci-deployers'] },
    ]),
    mapUsers: stringify([{ userarn: USER_ARNS.alice, username: 'alice', groups: ['team-a-devs'] }]),
    // Quoted: an unquoted ID is a YAML number to most tools.
    mapAccounts: `- "${OTHER_ACCOUNT_ID}"\n`,
  }
}
