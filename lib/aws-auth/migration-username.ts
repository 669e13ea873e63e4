// A username EKS accepts for an aws-auth username it would refuse (docs/access-entries.md#username-and-group-rules):
// no reserved prefix, a colon before {{SessionName}}/{{SessionNameRaw}}, and no {{AccessKeyID}} (aws-auth renders it,
// access entries document only the session-name templates: https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html).
import { findUsernameProblem, reservedUsernamePrefixes } from '@/lib/access/access-entry-fields'

/**
 * Suggests a username close to `username` that EKS accepts, prefixed with the principal's name where a colon is
 * needed; undefined means "let EKS pick its default".
 */
export function suggestUsername(username: string, principalName: string): string | undefined {
  let out = username.replaceAll('{{AccessKeyID}}', '{{SessionName}}')
  for (;;) {
    const prefix = reservedUsernamePrefixes.find((p) => out.toLowerCase().startsWith(p))
    if (!prefix) break
    out = out.slice(prefix.length)
  }
  const session = out.search(/\{\{SessionName(Raw)?\}\}/)
  if (session !== -1 && !out.slice(0, session).includes(':')) out = `${principalName}:${out}`
  out = out.trim()
  if (out === '' || findUsernameProblem(out) !== undefined) return undefined
  return out
}

/** Why an access entry could not take this aws-auth username as it is, or undefined when it can. */
export function usernameRefusal(username: string): string | undefined {
  const problem = findUsernameProblem(username)
  if (problem) return problem
  if (username.includes('{{AccessKeyID}}')) return 'Access entries do not render {{AccessKeyID}}.'
  const raw = username.indexOf('{{SessionNameRaw}}')
  if (raw !== -1 && !username.slice(0, raw).includes(':')) {
    return 'EKS requires a colon somewhere before {{SessionNameRaw}}.'
  }
  return undefined
}
