import { randomBytes } from 'node:crypto'

import { AwsError, createValidationError } from '../core/aws-error'
import type { AwsRequest, ServiceContext } from '../core/aws-types'
import type { QueryParams } from '../core/query-params'
import type { XmlValue } from '../core/xml-writer'
import { formatIsoSeconds, generateIamId, generateSecretAccessKey } from '../iam/ids'
import { buildNotAuthorizedMessage, evaluateIdentityPolicies } from '../iam/policy/authorize'
import type { StsSession } from '../iam/state'
import { evaluateTrustPolicy } from './trust-policy'

const SESSION_NAME_PATTERN = /^[\w+=,.@-]*$/
/** Role chaining (a role session assuming a role) is capped at one hour by STS. */
const ROLE_CHAINING_MAX_SECONDS = 3600

function validateSessionName(name: string | undefined): string {
  if (name === undefined) {
    throw new AwsError(
      'ValidationError',
      400,
      "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null",
    )
  }
  if (name.length < 2)
    throw createValidationError('roleSessionName', name, 'Member must have length greater than or equal to 2')
  if (name.length > 64)
    throw createValidationError('roleSessionName', name, 'Member must have length less than or equal to 64')
  if (!SESSION_NAME_PATTERN.test(name)) {
    throw createValidationError('roleSessionName', name, 'Member must satisfy regular expression pattern: [\\w+=,.@-]*')
  }
  return name
}

function parseDuration(raw: string | undefined): number {
  if (raw === undefined) return 3600
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 900)
    throw createValidationError('durationSeconds', raw, 'Member must have value greater than or equal to 900')
  if (n > 43200)
    throw createValidationError('durationSeconds', raw, 'Member must have value less than or equal to 43200')
  return n
}

/**
 * sts:AssumeRole. The role must exist in this account, its trust policy must allow the caller and, when the trust
 * names only the account, the caller's identity policies must allow sts:AssumeRole on the role; otherwise STS
 * answers AccessDenied with the same message whether the role is missing or untrusting (it never reveals which).
 * Issues ASIA… credentials that the server then accepts, with caller `assumed-role/<name>/<session>`.
 */
export function assumeRole(p: QueryParams, ctx: ServiceContext, req: AwsRequest): XmlValue {
  const roleArn = p.get('RoleArn')
  if (roleArn === undefined) {
    throw new AwsError(
      'ValidationError',
      400,
      "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    )
  }
  if (roleArn.length < 20)
    throw createValidationError('roleArn', roleArn, 'Member must have length greater than or equal to 20')
  const sessionName = validateSessionName(p.get('RoleSessionName'))
  const duration = parseDuration(p.get('DurationSeconds'))
  const iam = ctx.world.iam
  const denied = new AwsError('AccessDenied', 403, buildNotAuthorizedMessage(req.caller.arn, 'sts:AssumeRole', roleArn))

  const role = iam.roles.find((r) => r.arn === roleArn)
  if (!role) throw denied
  const callerSession = iam.sessions.find((s) => s.accessKeyId === req.caller.accessKeyId)
  const decision = evaluateTrustPolicy(role.assumeRolePolicyDocument, {
    action: 'sts:AssumeRole',
    principal: { arn: req.caller.arn, account: req.caller.account, roleArn: callerSession?.roleArn },
    context: {
      'aws:principalarn': callerSession?.roleArn ?? req.caller.arn,
      'aws:principalaccount': req.caller.account,
      'aws:username': callerSession ? undefined : req.caller.arn.split('/').pop(),
      'sts:rolesessionname': sessionName,
      'sts:externalid': p.get('ExternalId'),
    },
  })
  if (!decision.allowed) throw denied
  // Same account: a trust policy naming the caller grants on its own (only an explicit Deny in the caller's policies
  // overrides it); one naming the account root only delegates to the caller's identity policies.
  const identity = evaluateIdentityPolicies(iam, req.caller, 'sts:AssumeRole', role.arn)
  if (identity === 'explicit-deny' || (decision.via === 'account' && identity !== 'allow')) throw denied
  if (callerSession && duration > ROLE_CHAINING_MAX_SECONDS) {
    throw new AwsError(
      'ValidationError',
      400,
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    )
  }
  if (duration > role.maxSessionDuration) {
    throw new AwsError(
      'ValidationError',
      400,
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    )
  }

  const now = Date.now()
  const session: StsSession = {
    accessKeyId: generateIamId('ASIA'),
    secretAccessKey: generateSecretAccessKey(),
    // Real tokens are long opaque base64 blobs; clients only echo them back.
    sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(96).toString('base64')}`,
    expiration: formatIsoSeconds(new Date(now + duration * 1000)),
    roleName: role.name,
    roleArn: role.arn,
    roleId: role.id,
    sessionName,
    assumedRoleArn: `arn:aws:sts::${ctx.world.account}:assumed-role/${role.name}/${sessionName}`,
  }
  iam.sessions = iam.sessions.filter((s) => Date.parse(s.expiration) > now)
  iam.sessions.push(session)
  ctx.markDirty()
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: session.expiration,
    },
    AssumedRoleUser: { AssumedRoleId: `${role.id}:${sessionName}`, Arn: session.assumedRoleArn },
  }
}
