// The CLI equivalent of an aws-auth edit: `eksctl create/delete iamidentitymapping` where eksctl has a command for it
// (https://eksctl.io/usage/iam-identity-mappings/), and always `kubectl apply` of the resulting ConfigMap.
import { formatShellCommand } from '@/lib/access/cli-commands'
import type { ClusterRef } from '@/lib/clusters/cluster-schemas'

import type { AwsAuthChange, AwsAuthMappingInput } from './aws-auth-edit'

function clusterFlags(c: ClusterRef): string[] {
  return ['--cluster', c.name, '--region', c.region]
}

function createArgs(c: ClusterRef, mapping: AwsAuthMappingInput): string[] {
  return [
    'eksctl',
    'create',
    'iamidentitymapping',
    ...clusterFlags(c),
    '--arn',
    mapping.arn,
    '--username',
    mapping.username,
    ...mapping.groups.flatMap((group) => ['--group', group]),
  ]
}

const join = (argv: string[]) => formatShellCommand(argv, { multiline: true })

/** The eksctl command(s) doing the same change; null when eksctl has none (removing an account). */
export function buildEksctlCommand(c: ClusterRef, change: AwsAuthChange): string | null {
  switch (change.op) {
    case 'add':
      return join(createArgs(c, change.mapping))
    case 'remove':
      return join(['eksctl', 'delete', 'iamidentitymapping', ...clusterFlags(c), '--arn', change.arn])
    case 'update':
      // eksctl cannot change a mapping in place: delete it, then create it again.
      return [
        join(['eksctl', 'delete', 'iamidentitymapping', ...clusterFlags(c), '--arn', change.arn]),
        join(createArgs(c, change.mapping)),
      ].join('\n')
    case 'add-account':
      return join(['eksctl', 'create', 'iamidentitymapping', ...clusterFlags(c), '--account', change.account])
    case 'remove-account':
      return null
  }
}

/** `kubectl apply` of the whole ConfigMap after the change, as a here-document. */
export function buildKubectlApplyCommand(manifestYaml: string): string {
  return `kubectl apply -f - <<'EOF'\n${manifestYaml.trimEnd()}\nEOF`
}
