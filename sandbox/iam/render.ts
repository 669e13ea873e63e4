import type { XmlValue } from '../core/xml-writer'
import type { IamOidcProvider, IamRole, IamTag, IamUser } from './state'

function renderTags(tags: IamTag[]): XmlValue {
  return tags.length > 0 ? tags.map((t) => ({ Key: t.Key, Value: t.Value })) : undefined
}

function renderBoundary(arn: string | undefined): XmlValue {
  return arn === undefined
    ? undefined
    : { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn }
}

/**
 * A Role in IAM's XML shape. AssumeRolePolicyDocument is URL-encoded (RFC 3986) as IAM sends it: botocore decodes
 * it, the JS SDK v3 does not. ListRoles omits Tags and RoleLastUsed; GetRole/CreateRole include them (`full`).
 */
export function renderRole(role: IamRole, full: boolean): XmlValue {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: role.arn,
    CreateDate: role.createDate,
    AssumeRolePolicyDocument: encodeURIComponent(role.assumeRolePolicyDocument),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    PermissionsBoundary: renderBoundary(role.permissionsBoundary),
    Tags: full ? renderTags(role.tags) : undefined,
    RoleLastUsed: full ? {} : undefined,
  }
}

/** A User in IAM's XML shape (ListUsers omits Tags). */
export function renderUser(user: IamUser, full: boolean): XmlValue {
  return {
    Path: user.path,
    UserName: user.name,
    UserId: user.id,
    Arn: user.arn,
    CreateDate: user.createDate,
    PermissionsBoundary: full ? renderBoundary(user.permissionsBoundary) : undefined,
    Tags: full ? renderTags(user.tags) : undefined,
  }
}

/** GetOpenIDConnectProvider's result: the Url without `https://`, as IAM stores it. */
export function renderOidcProvider(provider: IamOidcProvider): XmlValue {
  return {
    Url: provider.url,
    ClientIDList: provider.clientIds,
    ThumbprintList: provider.thumbprints,
    CreateDate: provider.createDate,
    Tags: renderTags(provider.tags),
  }
}
