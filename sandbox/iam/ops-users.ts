import { AwsError } from '../core/aws-error'
import type { ServiceContext } from '../core/aws-types'
import type { QueryParams } from '../core/query-params'
import { formatIsoSeconds, generateIamId } from './ids'
import type { IamResult } from './ops-roles'
import { renderUser } from './render'
import { findUserByName, type IamUser } from './state'
import { requireParam, validateEntityName, validatePath } from './validation'

/** CreateUser: a user without access keys (the sandbox issues keys only to seeded users); 409 if the name is taken. */
export function createUser(p: QueryParams, ctx: ServiceContext): IamResult {
  const iam = ctx.world.iam
  const name = validateEntityName(requireParam(p.get('UserName'), 'userName'), 'userName')
  const path = validatePath(p.get('Path') ?? '/', 'path')
  if (findUserByName(iam, name))
    throw new AwsError('EntityAlreadyExists', 409, `User with name ${name} already exists.`)
  const user: IamUser = {
    name,
    path,
    id: generateIamId('AIDA'),
    arn: `arn:aws:iam::${ctx.world.account}:user${path}${name}`,
    createDate: formatIsoSeconds(new Date()),
    tags: p.getTags('Tags') ?? [],
    accessKeys: [],
    attachedPolicies: [],
    inlinePolicies: [],
  }
  iam.users.push(user)
  ctx.markDirty()
  return { User: renderUser(user, true) }
}

/** DeleteUser: refused while it has policies or access keys (DeleteConflict 409), as IAM does; no output. */
export function deleteUser(p: QueryParams, ctx: ServiceContext): IamResult {
  const name = validateEntityName(requireParam(p.get('UserName'), 'userName'), 'userName')
  const user = findUserByName(ctx.world.iam, name)
  if (!user) throw new AwsError('NoSuchEntity', 404, `The user with name ${name} cannot be found.`)
  if (user.attachedPolicies.length > 0 || user.inlinePolicies.length > 0 || user.accessKeys.length > 0) {
    throw new AwsError('DeleteConflict', 409, 'Cannot delete entity, must delete policies first.')
  }
  ctx.world.iam.users = ctx.world.iam.users.filter((u) => u !== user)
  ctx.markDirty()
  return undefined
}
