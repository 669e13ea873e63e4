// The CLI equivalent of the migration wizard: eksctl's one command (https://eksctl.io/usage/access-entries/), which
// follows eksctl's rules (it skips Fargate roles and copies usernames as they are), and the aws eks / kubectl
// commands that do exactly what this plan does.
import {
  buildAssociateAccessPolicyArgs,
  buildCreateAccessEntryArgs,
  buildUpdateAuthenticationModeArgs,
  formatShellCommand,
} from '@/lib/access/cli-commands'
import type { AuthenticationMode } from '@/lib/clusters/cluster-schemas'

import type { MigrationPlan } from './migration-plan'

export type MigrationCommands = { eksctl: string; aws: string[] }

/** Commands for migrating `cluster` from `from` to `target` with this plan. */
export function buildMigrationCommands(
  cluster: { region: string; name: string },
  plan: MigrationPlan,
  from: AuthenticationMode,
  target: 'API_AND_CONFIG_MAP' | 'API',
  deleteAwsAuth: boolean,
): MigrationCommands {
  const c = { region: cluster.region, clusterName: cluster.name }
  const line = (argv: string[]) => formatShellCommand(argv)
  const modeSwitch = (mode: string) => [
    line(buildUpdateAuthenticationModeArgs({ ...c, authenticationMode: mode })),
    '# wait until: aws eks describe-update --name <cluster> --update-id <id from above> says Successful',
  ]
  const aws: string[] = []
  if (from === 'CONFIG_MAP') aws.push(...modeSwitch('API_AND_CONFIG_MAP'))
  for (const item of plan.items) {
    if (!item.entry) continue
    const { principalArn, type, username, kubernetesGroups, policyArns } = item.entry
    aws.push(line(buildCreateAccessEntryArgs({ ...c, principalArn, type, username, kubernetesGroups })))
    for (const policyArn of policyArns) {
      aws.push(
        line(buildAssociateAccessPolicyArgs({ ...c, principalArn, policyArn, accessScope: { type: 'cluster' } })),
      )
    }
  }
  if (target === 'API') {
    aws.push(...modeSwitch('API'))
    if (deleteAwsAuth) aws.push('kubectl delete configmap aws-auth --namespace kube-system')
  }
  const eksctl = formatShellCommand(
    [
      'eksctl',
      'utils',
      'migrate-to-access-entry',
      '--cluster',
      cluster.name,
      '--region',
      cluster.region,
      '--target-authentication-mode',
      target,
      '--approve',
    ],
    { multiline: true },
  )
  return { eksctl, aws }
}
