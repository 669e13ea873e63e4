import { AwsError, createValidationError } from '../core/aws-error'
import type { ServiceContext } from '../core/aws-types'
import type { QueryParams } from '../core/query-params'
import { requireManagedPolicy } from './ops-managed-policies'
import type { IamResult } from './ops-roles'
import { paginate, parseMaxItems } from './pagination'
import { validateIdentityPolicy } from './policy/policy-validation'
import { findRoleByName, findUserByName, type IamInlinePolicy } from './state'
import { requireParam, validateEntityName } from './validation'

// Inline policies and permissions boundaries of roles and users
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html and siblings).

type Kind = 'role' | 'user'

interface Holder {
  name: string
  inlinePolicies: IamInlinePolicy[]
  permissionsBoundary?: string
}

const NAME_MEMBER: Record<Kind, [param: string, member: string]> = {
  role: ['RoleName', 'roleName'],
  user: ['UserName', 'userName'],
}

function findHolder(p: QueryParams, ctx: ServiceContext, kind: Kind): Holder {
  const [param, member] = NAME_MEMBER[kind]
  const name = validateEntityName(requireParam(p.get(param), member), member)
  const holder = kind === 'role' ? findRoleByName(ctx.world.iam, name) : findUserByName(ctx.world.iam, name)
  if (!holder) throw new AwsError('NoSuchEntity', 404, `The ${kind} with name ${name} cannot be found.`)
  return holder
}

/** Inline policy names: 1–128 characters of `[\w+=,.@-]` (IAM constraint). */
function readPolicyName(p: QueryParams): string {
  const name = requireParam(p.get('PolicyName'), 'policyName')
  if (name.length < 1 || name.length > 128)
    throw createValidationError('policyName', name, 'Member must have length less than or equal to 128')
  if (!/^[\w+=,.@-]+$/.test(name))
    throw createValidationError('policyName', name, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+')
  return name
}

function findInline(holder: Holder, name: string, kind: Kind): IamInlinePolicy {
  const policy = holder.inlinePolicies.find((x) => x.name === name)
  if (!policy) throw new AwsError('NoSuchEntity', 404, `The ${kind} policy with name ${name} cannot be found.`)
  return policy
}

/** PutRolePolicy / PutUserPolicy: adds or replaces the named inline policy; no output. */
export function putInlinePolicy(kind: Kind) {
  return (p: QueryParams, ctx: ServiceContext): IamResult => {
    const holder = findHolder(p, ctx, kind)
    const name = readPolicyName(p)
    const document = validateIdentityPolicy(requireParam(p.get('PolicyDocument'), 'policyDocument'))
    const existing = holder.inlinePolicies.find((x) => x.name === name)
    if (existing) existing.document = document
    else holder.inlinePolicies.push({ name, document })
    ctx.markDirty()
    return undefined
  }
}

/** GetRolePolicy / GetUserPolicy: the document URL-encoded, as IAM sends it. */
export function getInlinePolicy(kind: Kind) {
  return (p: QueryParams, ctx: ServiceContext): IamResult => {
    const holder = findHolder(p, ctx, kind)
    const policy = findInline(holder, readPolicyName(p), kind)
    return {
      [kind === 'role' ? 'RoleName' : 'UserName']: holder.name,
      PolicyName: policy.name,
      PolicyDocument: encodeURIComponent(policy.document),
    }
  }
}

/** ListRolePolicies / ListUserPolicies: inline policy names, paged. */
export function listInlinePolicies(kind: Kind) {
  return (p: QueryParams, ctx: ServiceContext): IamResult => {
    const holder = findHolder(p, ctx, kind)
    const page = paginate(holder.inlinePolicies, (x) => x.name, p.get('Marker'), parseMaxItems(p.get('MaxItems')))
    return { PolicyNames: page.items.map((x) => x.name), IsTruncated: page.isTruncated, Marker: page.marker }
  }
}

/** DeleteRolePolicy / DeleteUserPolicy; no output. */
export function deleteInlinePolicy(kind: Kind) {
  return (p: QueryParams, ctx: ServiceContext): IamResult => {
    const holder = findHolder(p, ctx, kind)
    const policy = findInline(holder, readPolicyName(p), kind)
    holder.inlinePolicies = holder.inlinePolicies.filter((x) => x !== policy)
    ctx.markDirty()
    return undefined
  }
}

/** PutRolePermissionsBoundary / PutUserPermissionsBoundary: the boundary must be an existing managed policy. */
export function putPermissionsBoundary(kind: Kind) {
  return (p: QueryParams, ctx: ServiceContext): IamResult => {
    const holder = findHolder(p, ctx, kind)
    const arn = requireParam(p.get('PermissionsBoundary'), 'permissionsBoundary')
    holder.permissionsBoundary = requireManagedPolicy(ctx.world.iam, arn)
    ctx.markDirty()
    return undefined
  }
}

/** DeleteRolePermissionsBoundary / DeleteUserPermissionsBoundary; no output. */
export function deletePermissionsBoundary(kind: Kind) {
  return (p: QueryParams, ctx: ServiceContext): IamResult => {
    const holder = findHolder(p, ctx, kind)
    delete holder.permissionsBoundary
    ctx.markDirty()
    return undefined
  }
}
