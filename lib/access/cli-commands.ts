// The `aws eks …` command equivalent to each change the console makes, shown next to every form.
// Builders return argv arrays (testable by running the real CLI); formatShellCommand turns them into POSIX shell text
// (wrapped at argument boundaries when long).
import type { AccessScopeLike } from './rules'

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/

/** Quotes one word for a POSIX shell: bare when safe, else single quotes (`'` written as `'\''`). */
export function quoteShellWord(word: string): string {
  if (SAFE.test(word)) return word
  return `'${word.replaceAll("'", `'\\''`)}'`
}

/** Commands up to this many characters stay on one line; longer ones wrap (about what the grant page's and the
 * dialogs' code blocks show at 1440 px, 12 px monospace). */
const ONE_LINE_WIDTH = 52

// A flag: `--name` or a one-letter shorthand such as kubectl's `-n` (a value like `-1` or `-` is not one).
const isFlag = (arg: string) => /^--?[A-Za-z]/.test(arg)

/** Splits argv at argument boundaries: the words before the first flag, then each flag with the values after it. */
function argumentGroups(words: readonly string[], argv: readonly string[]): string[][] {
  const groups: string[][] = []
  argv.forEach((arg, i) => {
    const word = words[i] as string
    const last = groups[groups.length - 1]
    if (last && !isFlag(arg)) last.push(word)
    else groups.push([word])
  })
  return groups
}

/**
 * Packs a group's words into lines of at most `width` characters. A flag keeps its first value on its line
 * (`--policy-arn arn:…`), so a longer pair, like a single longer word, gets a line of its own.
 */
function packWords(group: readonly string[], width: number): string[] {
  const lines: string[] = []
  group.forEach((word, i) => {
    const last = lines.length - 1
    const fits = last >= 0 && (lines[last] as string).length + 1 + word.length <= width
    const flagValue = i === 1 && isFlag(group[0] as string)
    if (fits || flagValue) lines[last] += ` ${word}`
    else lines.push(word)
  })
  return lines
}

/**
 * Joins argv into POSIX shell text, the one formatter of every command the console echoes. It wraps at argument
 * boundaries — the command words, then each `--flag value…` — with ` \\` continuations when the command is longer than
 * `width` (or always, with `multiline`), so it fits beside a form without sideways scrolling and still copies as one
 * runnable command. Words are never split: the shell joins the continued lines back into exactly `argv`.
 */
export function formatShellCommand(
  argv: readonly string[],
  options: { multiline?: boolean; width?: number } = {},
): string {
  const width = options.width ?? ONE_LINE_WIDTH
  const words = argv.map(quoteShellWord)
  const oneLine = words.join(' ')
  if (!options.multiline && oneLine.length <= width) return oneLine
  const lines = argumentGroups(words, argv).flatMap((group) => packWords(group, width))
  return lines.join(' \\\n  ')
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
