import type { Caller } from './aws-types'
import type { World } from './world'

/** What the signing key of a request belongs to. */
export type CredentialLookup =
  | { kind: 'found'; secretAccessKey: string; sessionToken?: string; caller: Caller }
  | { kind: 'unknown' }
  | { kind: 'expired' }

/**
 * Resolves an access key ID to its secret and caller: an active IAM user key (AKIA…) or an STS session (ASIA…)
 * that has not expired. Session callers are the assumed-role ARN (no path) with userId `AROA…:<session>`.
 */
export function lookupAccessKey(world: World, accessKeyId: string, now: Date): CredentialLookup {
  for (const user of world.iam.users) {
    const key = user.accessKeys.find((k) => k.accessKeyId === accessKeyId)
    if (!key) continue
    if (key.status !== 'Active') return { kind: 'unknown' }
    return {
      kind: 'found',
      secretAccessKey: key.secretAccessKey,
      caller: { arn: user.arn, userId: user.id, account: world.account, accessKeyId },
    }
  }
  const session = world.iam.sessions.find((s) => s.accessKeyId === accessKeyId)
  if (!session) return { kind: 'unknown' }
  if (Date.parse(session.expiration) <= now.getTime()) return { kind: 'expired' }
  return {
    kind: 'found',
    secretAccessKey: session.secretAccessKey,
    sessionToken: session.sessionToken,
    caller: {
      arn: session.assumedRoleArn,
      userId: `${session.roleId}:${session.sessionName}`,
      account: world.account,
      accessKeyId,
    },
  }
}
