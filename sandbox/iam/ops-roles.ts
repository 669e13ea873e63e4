import { AwsError, createValidationError } from '../core/aws-error'
import type { ServiceContext } from '../core/aws-types'
import type { QueryParams } from '../core/query-params'
import type { XmlValue } from '../core/xml-writer'
import { formatIsoSeconds, generateIamId } from './ids'
import { paginate, parseMaxItems } from './pagination'
import { renderRole } from './render'
import { findRoleByName, type IamRole, type IamTag } from './state'
import { requireParam, validateEntityName, validatePath, validatePathPrefix, validateTrustPolicy } from './validation'

/** The result of one IAM operation: the `<OpResult>` content, or undefined for operations without output. */
export type IamResult = XmlValue | undefined

function getRoleOrThrow(ctx: ServiceContext, name: string): IamRole {
  const role = findRoleByName(ctx.world.iam, validateEntityName(name, 'roleName'))
  if (!role) throw new AwsError('NoSuchEntity', 404, `The role with name ${name} cannot be found.`)
  return role
}

function validateTags(tags: IamTag[] | undefined): IamTag[] {
  if (!tags) return []
  if (tags.length > 50)
    throw createValidationError('tags', `[${tags.length} tags]`, 'Member must have length less than or equal to 50')
  for (const t of tags) {
    if (t.Key.length < 1 || t.Key.length > 128)
      throw createValidationError('tags.member.key', t.Key, 'Member must have length less than or equal to 128')
    if (t.Value.length > 256)
      throw createValidationError('tags.member.value', t.Value, 'Member must have length less than or equal to 256')
  }
  return tags
}

/** ListRoles: sorted by name, filtered by PathPrefix, Marker/MaxItems pages. */
export function listRoles(p: QueryParams, ctx: ServiceContext): IamResult {
  const prefix = validatePathPrefix(p.get('PathPrefix'))
  const page = paginate(
    ctx.world.iam.roles.filter((r) => r.path.startsWith(prefix)),
    (r) => r.name.toLowerCase(),
    p.get('Marker'),
    parseMaxItems(p.get('MaxItems')),
  )
  return { Roles: page.items.map((r) => renderRole(r, false)), IsTruncated: page.isTruncated, Marker: page.marker }
}

/** GetRole. */
export function getRole(p: QueryParams, ctx: ServiceContext): IamResult {
  return { Role: renderRole(getRoleOrThrow(ctx, requireParam(p.get('RoleName'), 'roleName')), true) }
}

/** CreateRole: validates name, path, trust policy, session duration and tags; 409 if the name is taken. */
export function createRole(p: QueryParams, ctx: ServiceContext): IamResult {
  const iam = ctx.world.iam
  const name = validateEntityName(requireParam(p.get('RoleName'), 'roleName'), 'roleName')
  const path = validatePath(p.get('Path') ?? '/', 'path')
  const document = requireParam(p.get('AssumeRolePolicyDocument'), 'assumeRolePolicyDocument')
  const description = p.get('Description')
  if (description !== undefined && description.length > 1000) {
    throw createValidationError('description', description, 'Member must have length less than or equal to 1000')
  }
  const rawDuration = p.get('MaxSessionDuration')
  const maxSessionDuration = rawDuration === undefined ? 3600 : Number(rawDuration)
  if (!Number.isInteger(maxSessionDuration) || maxSessionDuration < 3600 || maxSessionDuration > 43200) {
    throw createValidationError(
      'maxSessionDuration',
      String(rawDuration),
      'Member must have value less than or equal to 43200',
    )
  }
  const tags = validateTags(p.getTags('Tags'))
  if (findRoleByName(iam, name))
    throw new AwsError('EntityAlreadyExists', 409, `Role with name ${name} already exists.`)
  validateTrustPolicy(document, iam, ctx.world.account)
  const role: IamRole = {
    name,
    path,
    id: generateIamId('AROA'),
    arn: `arn:aws:iam::${ctx.world.account}:role${path}${name}`,
    createDate: formatIsoSeconds(new Date()),
    assumeRolePolicyDocument: document,
    description,
    maxSessionDuration,
    tags,
    attachedPolicies: [],
    inlinePolicies: [],
  }
  iam.roles.push(role)
  ctx.markDirty()
  return { Role: renderRole(role, true) }
}

/** UpdateAssumeRolePolicy: replaces the trust policy; no output. */
export function updateAssumeRolePolicy(p: QueryParams, ctx: ServiceContext): IamResult {
  const role = getRoleOrThrow(ctx, requireParam(p.get('RoleName'), 'roleName'))
  const document = requireParam(p.get('PolicyDocument'), 'policyDocument')
  validateTrustPolicy(document, ctx.world.iam, ctx.world.account)
  role.assumeRolePolicyDocument = document
  ctx.markDirty()
  return undefined
}

/** ListAttachedRolePolicies: the managed policies attached to a role, paged like every IAM list. */
export function listAttachedRolePolicies(p: QueryParams, ctx: ServiceContext): IamResult {
  const role = getRoleOrThrow(ctx, requireParam(p.get('RoleName'), 'roleName'))
  const prefix = validatePathPrefix(p.get('PathPrefix'))
  const policies = role.attachedPolicies.filter((a) => {
    // The policy path is what follows `policy` in the ARN, up to the name.
    const afterPolicy = a.PolicyArn.slice(a.PolicyArn.indexOf(':policy') + ':policy'.length)
    return afterPolicy.startsWith(prefix)
  })
  const page = paginate(policies, (a) => a.PolicyName.toLowerCase(), p.get('Marker'), parseMaxItems(p.get('MaxItems')))
  return {
    AttachedPolicies: page.items.map((a) => ({ PolicyName: a.PolicyName, PolicyArn: a.PolicyArn })),
    IsTruncated: page.isTruncated,
    Marker: page.marker,
  }
}

/** DeleteRole: refused while managed or inline policies remain (DeleteConflict 409), as IAM does; no output. */
export function deleteRole(p: QueryParams, ctx: ServiceContext): IamResult {
  const role = getRoleOrThrow(ctx, requireParam(p.get('RoleName'), 'roleName'))
  if (role.attachedPolicies.length > 0) {
    throw new AwsError('DeleteConflict', 409, 'Cannot delete entity, must detach all policies first.')
  }
  if (role.inlinePolicies.length > 0) {
    throw new AwsError('DeleteConflict', 409, 'Cannot delete entity, must delete policies first.')
  }
  ctx.world.iam.roles = ctx.world.iam.roles.filter((r) => r !== role)
  ctx.markDirty()
  return undefined
}

/**
 * ListInstanceProfilesForRole: the sandbox has no EC2 instance profiles, so always an empty page. Terraform's
 * aws_iam_role calls it before DeleteRole.
 */
export function listInstanceProfilesForRole(p: QueryParams, ctx: ServiceContext): IamResult {
  getRoleOrThrow(ctx, requireParam(p.get('RoleName'), 'roleName'))
  return { InstanceProfiles: [], IsTruncated: false }
}
