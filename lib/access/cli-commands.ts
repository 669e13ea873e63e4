// The `aws eks …` command equivalent to each change the console makes, shown next to every form (house style).
// Builders return argv arrays (testable by running the real CLI); formatShellCommand turns them into POSIX shell text.
import type { AccessScopeLike } from './rules'

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/

/** Quotes one word for a POSIX shell: bare when safe, else single quotes (`'` written as `'\''`). */
export function quoteShellWord(word: string): string {
  if (SAFE.test(word)) return word
  return `'${word.replaceAll("'", `'\\''`)}'`
}

/** Joins argv into shell text; `multiline` puts each `--flag value` on its own continued line. */
export function formatShellCommand(argv: readonly string[], options: { multiline?: boolean } = {}): string {
  if (!options.multiline) return argv.map(quoteShellWord).join(' ')
  const lines: string[] = []
  for (const word of argv) {
    const quoted = quoteShellWord(word)
    const last = lines.length - 1
    if (word.startsWith('--') || last < 2) lines.push(quoted)
    else lines[last] = `${lines[last]} ${quoted}`
  }
  const [aws = '', service = '', operation = '', ...flags] = lines
  return [`${aws} ${service} ${operation}`, ...flags].join(' \\\n  ')
}

type ClusterRef = { clusterName: string; region: string }

function eks(operation: string, cluster: ClusterRef): string[] {
  return ['aws', 'eks', operation, '--region', cluster.region, '--cluster-name', cluster.clusterName]
}

/** `aws eks create-access-entry`; `--type` only when not STANDARD (the default). */
export function buildCreateAccessEntryArgs(
  input: ClusterRef & { principalArn: string; type?: string; username?: string; kubernetesGroups?: readonly string[] },
): string[] {
  const argv = [...eks('create-access-entry', input), '--principal-arn', input.principalArn]
  if (input.type && input.type !== 'STANDARD') argv.push('--type', input.type)
  if (input.username) argv.push('--username', input.username)
  if (input.kubernetesGroups?.length) argv.push('--kubernetes-groups', ...input.kubernetesGroups)
  return argv
}

/** `aws eks update-access-entry`; the group list replaces the old one, so an empty list is sent as JSON `[]`. */
export function buildUpdateAccessEntryArgs(
  input: ClusterRef & { principalArn: string; username?: string; kubernetesGroups?: readonly string[] },
): string[] {
  const argv = [...eks('update-access-entry', input), '--principal-arn', input.principalArn]
  if (input.username !== undefined) argv.push('--username', input.username)
  if (input.kubernetesGroups !== undefined) {
    argv.push('--kubernetes-groups', ...(input.kubernetesGroups.length ? input.kubernetesGroups : ['[]']))
  }
  return argv
}

/** `aws eks delete-access-entry` (its policy associations go with it). */
export function buildDeleteAccessEntryArgs(input: ClusterRef & { principalArn: string }): string[] {
  return [...eks('delete-access-entry', input), '--principal-arn', input.principalArn]
}

/**
 * `aws eks associate-access-policy`. The scope uses CLI shorthand: inside a structure, `namespaces=a,b` is a list
 * (checked with aws-cli 1.45: it sends `{"type":"namespace","namespaces":["a","b"]}`).
 */
export function buildAssociateAccessPolicyArgs(
  input: ClusterRef & { principalArn: string; policyArn: string; accessScope: AccessScopeLike },
): string[] {
  const scope =
    input.accessScope.type === 'namespace'
      ? `type=namespace,namespaces=${(input.accessScope.namespaces ?? []).join(',')}`
      : 'type=cluster'
  return [
    ...eks('associate-access-policy', input),
    '--principal-arn',
    input.principalArn,
    '--policy-arn',
    input.policyArn,
    '--access-scope',
    scope,
  ]
}

/** `aws eks disassociate-access-policy`. */
export function buildDisassociateAccessPolicyArgs(
  input: ClusterRef & { principalArn: string; policyArn: string },
): string[] {
  return [
    ...eks('disassociate-access-policy', input),
    '--principal-arn',
    input.principalArn,
    '--policy-arn',
    input.policyArn,
  ]
}

/** `aws eks update-cluster-config --access-config authenticationMode=…` (the cluster flag here is `--name`). */
export function buildUpdateAuthenticationModeArgs(input: ClusterRef & { authenticationMode: string }): string[] {
  return [
    'aws',
    'eks',
    'update-cluster-config',
    '--region',
    input.region,
    '--name',
    input.clusterName,
    '--access-config',
    `authenticationMode=${input.authenticationMode}`,
  ]
}

/** `aws eks update-kubeconfig`; `--role-arn` makes kubectl call get-token with that role. */
export function buildUpdateKubeconfigArgs(
  input: ClusterRef & { roleArn?: string; alias?: string; kubeconfig?: string },
): string[] {
  const argv = ['aws', 'eks', 'update-kubeconfig', '--region', input.region, '--name', input.clusterName]
  if (input.roleArn) argv.push('--role-arn', input.roleArn)
  if (input.alias) argv.push('--alias', input.alias)
  if (input.kubeconfig) argv.push('--kubeconfig', input.kubeconfig)
  return argv
}
