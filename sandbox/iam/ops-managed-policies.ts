import { AwsError, createValidationError } from '../core/aws-error'
import type { ServiceContext } from '../core/aws-types'
import type { QueryParams } from '../core/query-params'
import { formatIsoSeconds, generateIamId } from './ids'
import type { IamResult } from './ops-roles'
import { paginate, parseMaxItems } from './pagination'
import { findAwsManagedPolicy, listAwsManagedPolicyArns } from './policy/aws-managed-policies'
import { validateIdentityPolicy } from './policy/policy-validation'
import { findRoleByName, findUserByName, type IamAttachedPolicy, type IamState } from './state'
import { requireParam, validateEntityName, validatePath, validatePathPrefix } from './validation'

// Managed policies (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreatePolicy.html and the
// Attach/Detach/List operations): customer managed ones are stored, AWS managed ones come from code.

interface ResolvedPolicy {
  arn: string
  name: string
  path: string
  id: string
  document: string
  description?: string
  createDate: string
  updateDate: string
}

const AWS_POLICY_DATE = '2015-02-06T18:39:46Z'

function resolvePolicy(iam: IamState, arn: string): ResolvedPolicy | undefined {
  const own = iam.policies.find((p) => p.arn === arn)
  if (own) return own
  const managed = findAwsManagedPolicy(arn)
  if (!managed) return undefined
  return {
    ...managed,
    arn,
    path: '/',
    id: generateIamId('ANPA', `aws-policy:${arn}`),
    createDate: AWS_POLICY_DATE,
    updateDate: AWS_POLICY_DATE,
  }
}

function requirePolicy(iam: IamState, arn: string): ResolvedPolicy {
  const policy = resolvePolicy(iam, arn)
  if (!policy) throw new AwsError('NoSuchEntity', 404, `Policy ${arn} does not exist or is not attachable.`)
  return policy
}

function countAttachments(iam: IamState, arn: string): number {
  const holders = [...iam.roles, ...iam.users]
  return holders.filter((h) => h.attachedPolicies.some((a) => a.PolicyArn === arn)).length
}

function countBoundaryUses(iam: IamState, arn: string): number {
  return [...iam.roles, ...iam.users].filter((h) => h.permissionsBoundary === arn).length
}

function renderPolicy(iam: IamState, p: ResolvedPolicy, withDescription: boolean) {
  return {
    PolicyName: p.name,
    PolicyId: p.id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: 'v1',
    AttachmentCount: countAttachments(iam, p.arn),
    PermissionsBoundaryUsageCount: countBoundaryUses(iam, p.arn),
    IsAttachable: true,
    Description: withDescription ? p.description : undefined,
    CreateDate: p.createDate,
    UpdateDate: p.updateDate,
  }
}

/** CreatePolicy: a customer managed policy at a path; 409 if the name is taken. */
export function createPolicy(p: QueryParams, ctx: ServiceContext): IamResult {
  const iam = ctx.world.iam
  const name = validateEntityName(requireParam(p.get('PolicyName'), 'policyName'), 'policyName')
  const path = validatePath(p.get('Path') ?? '/', 'path')
  const document = validateIdentityPolicy(requireParam(p.get('PolicyDocument'), 'policyDocument'))
  const description = p.get('Description')
  if (description !== undefined && description.length > 1000)
    throw createValidationError('description', description, 'Member must have length less than or equal to 1000')
  const arn = `arn:aws:iam::${ctx.world.account}:policy${path}${name}`
  if (iam.policies.some((x) => x.name.toLowerCase() === name.toLowerCase()))
    throw new AwsError(
      'EntityAlreadyExists',
      409,
      `A policy called ${name} already exists. Duplicate names are not allowed.`,
    )
  const now = formatIsoSeconds(new Date())
  const policy = {
    name,
    path,
    id: generateIamId('ANPA'),
    arn,
    document,
    description,
    createDate: now,
    updateDate: now,
    tags: p.getTags('Tags') ?? [],
  }
  iam.policies.push(policy)
  ctx.markDirty()
  return { Policy: renderPolicy(iam, policy, false) }
}

/** GetPolicy. */
export function getPolicy(p: QueryParams, ctx: ServiceContext): IamResult {
  const iam = ctx.world.iam
  return { Policy: renderPolicy(iam, requirePolicy(iam, requireParam(p.get('PolicyArn'), 'policyArn')), true) }
}

/** GetPolicyVersion: only `v1` exists; the document is URL-encoded, as IAM sends it. */
export function getPolicyVersion(p: QueryParams, ctx: ServiceContext): IamResult {
  const policy = requirePolicy(ctx.world.iam, requireParam(p.get('PolicyArn'), 'policyArn'))
  const version = requireParam(p.get('VersionId'), 'versionId')
  if (version !== 'v1')
    throw new AwsError(
      'NoSuchEntity',
      404,
      `Policy ${policy.arn} version ${version} does not exist or is not attachable.`,
    )
  return {
    PolicyVersion: {
      Document: encodeURIComponent(policy.document),
      VersionId: 'v1',
      IsDefaultVersion: true,
      CreateDate: policy.updateDate,
    },
  }
}

/** ListPolicies: Scope (All, AWS, Local), OnlyAttached, PathPrefix, Marker/MaxItems. */
export function listPolicies(p: QueryParams, ctx: ServiceContext): IamResult {
  const iam = ctx.world.iam
  const scope = p.get('Scope') ?? 'All'
  const prefix = validatePathPrefix(p.get('PathPrefix'))
  const arns = [
    ...(scope === 'Local' ? [] : listAwsManagedPolicyArns()),
    ...(scope === 'AWS' ? [] : iam.policies.map((x) => x.arn)),
  ]
  const policies = arns
    .flatMap((arn) => resolvePolicy(iam, arn) ?? [])
    .filter((x) => x.path.startsWith(prefix))
    .filter((x) => p.get('OnlyAttached') !== 'true' || countAttachments(iam, x.arn) > 0)
  const page = paginate(policies, (x) => x.name.toLowerCase(), p.get('Marker'), parseMaxItems(p.get('MaxItems')))
  return {
    Policies: page.items.map((x) => renderPolicy(iam, x, false)),
    IsTruncated: page.isTruncated,
    Marker: page.marker,
  }
}

/** DeletePolicy: refused while attached anywhere (DeleteConflict 409); AWS managed policies cannot be deleted. */
export function deletePolicy(p: QueryParams, ctx: ServiceContext): IamResult {
  const iam = ctx.world.iam
  const arn = requireParam(p.get('PolicyArn'), 'policyArn')
  const policy = iam.policies.find((x) => x.arn === arn)
  if (!policy) throw new AwsError('NoSuchEntity', 404, `Policy ${arn} was not found.`)
  if (countAttachments(iam, arn) > 0 || countBoundaryUses(iam, arn) > 0)
    throw new AwsError('DeleteConflict', 409, 'Cannot delete a policy attached to entities.')
  iam.policies = iam.policies.filter((x) => x !== policy)
  ctx.markDirty()
  return undefined
}

type Holder = { attachedPolicies: IamAttachedPolicy[] }

function findHolder(p: QueryParams, ctx: ServiceContext, kind: 'role' | 'user'): Holder {
  const member = kind === 'role' ? 'roleName' : 'userName'
  const name = validateEntityName(requireParam(p.get(kind === 'role' ? 'RoleName' : 'UserName'), member), member)
  const holder = kind === 'role' ? findRoleByName(ctx.world.iam, name) : findUserByName(ctx.world.iam, name)
  if (!holder) throw new AwsError('NoSuchEntity', 404, `The ${kind} with name ${name} cannot be found.`)
  return holder
}

/** AttachRolePolicy / AttachUserPolicy: attaching twice is a no-op, as in IAM. */
export function attachPolicy(kind: 'role' | 'user') {
  return (p: QueryParams, ctx: ServiceContext): IamResult => {
    const holder = findHolder(p, ctx, kind)
    const policy = requirePolicy(ctx.world.iam, requireParam(p.get('PolicyArn'), 'policyArn'))
    if (!holder.attachedPolicies.some((a) => a.PolicyArn === policy.arn))
      holder.attachedPolicies.push({ PolicyArn: policy.arn, PolicyName: policy.name })
    ctx.markDirty()
    return undefined
  }
}

/** DetachRolePolicy / DetachUserPolicy: NoSuchEntity when the policy is not attached. */
export function detachPolicy(kind: 'role' | 'user') {
  return (p: QueryParams, ctx: ServiceContext): IamResult => {
    const holder = findHolder(p, ctx, kind)
    const arn = requireParam(p.get('PolicyArn'), 'policyArn')
    const index = holder.attachedPolicies.findIndex((a) => a.PolicyArn === arn)
    if (index < 0) throw new AwsError('NoSuchEntity', 404, `Policy ${arn} was not found.`)
    holder.attachedPolicies.splice(index, 1)
    ctx.markDirty()
    return undefined
  }
}

/** ListAttachedUserPolicies (ListAttachedRolePolicies lives with the role operations). */
export function listAttachedUserPolicies(p: QueryParams, ctx: ServiceContext): IamResult {
  const holder = findHolder(p, ctx, 'user')
  const page = paginate(
    holder.attachedPolicies,
    (a) => a.PolicyName.toLowerCase(),
    p.get('Marker'),
    parseMaxItems(p.get('MaxItems')),
  )
  return {
    AttachedPolicies: page.items.map((a) => ({ PolicyName: a.PolicyName, PolicyArn: a.PolicyArn })),
    IsTruncated: page.isTruncated,
    Marker: page.marker,
  }
}

/** Whether a managed policy ARN resolves (for permissions boundaries). */
export function requireManagedPolicy(iam: IamState, arn: string): string {
  return requirePolicy(iam, arn).arn
}
