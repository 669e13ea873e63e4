import { AwsError, createValidationError } from '../core/aws-error'
import type { AwsRequest, ServiceContext } from '../core/aws-types'
import type { QueryParams } from '../core/query-params'
import { formatIsoSeconds } from './ids'
import type { IamResult } from './ops-roles'
import { paginate, parseMaxItems } from './pagination'
import { renderOidcProvider, renderUser } from './render'
import { findUserByName, type IamOidcProvider } from './state'
import { requireParam, validateEntityName, validatePathPrefix } from './validation'

/** ListUsers: sorted by name, PathPrefix filter, Marker/MaxItems pages. */
export function listUsers(p: QueryParams, ctx: ServiceContext): IamResult {
  const prefix = validatePathPrefix(p.get('PathPrefix'))
  const page = paginate(
    ctx.world.iam.users.filter((u) => u.path.startsWith(prefix)),
    (u) => u.name.toLowerCase(),
    p.get('Marker'),
    parseMaxItems(p.get('MaxItems')),
  )
  return { Users: page.items.map((u) => renderUser(u, false)), IsTruncated: page.isTruncated, Marker: page.marker }
}

/** GetUser: without UserName, the calling user; role sessions must name a user (IAM answers ValidationError). */
export function getUser(p: QueryParams, ctx: ServiceContext, req: AwsRequest): IamResult {
  const requested = p.get('UserName')
  let name: string
  if (requested === undefined) {
    const self = ctx.world.iam.users.find((u) => u.arn === req.caller.arn)
    if (!self)
      throw new AwsError('ValidationError', 400, 'Must specify userName when calling with non-User credentials')
    name = self.name
  } else {
    name = validateEntityName(requested, 'userName')
  }
  const user = findUserByName(ctx.world.iam, name)
  if (!user) throw new AwsError('NoSuchEntity', 404, `The user with name ${name} cannot be found.`)
  return { User: renderUser(user, true) }
}

/** ListOpenIDConnectProviders: every provider's ARN; not paginated. */
export function listOpenIdConnectProviders(_p: QueryParams, ctx: ServiceContext): IamResult {
  return { OpenIDConnectProviderList: ctx.world.iam.oidcProviders.map((o) => ({ Arn: o.arn })) }
}

function getProviderOrThrow(ctx: ServiceContext, arn: string): IamOidcProvider {
  if (arn.length < 20)
    throw createValidationError('openIDConnectProviderArn', arn, 'Member must have length greater than or equal to 20')
  const provider = ctx.world.iam.oidcProviders.find((o) => o.arn === arn)
  if (!provider) throw new AwsError('NoSuchEntity', 404, `OpenIDConnect Provider not found for arn ${arn}`)
  return provider
}

/** GetOpenIDConnectProvider. */
export function getOpenIdConnectProvider(p: QueryParams, ctx: ServiceContext): IamResult {
  const arn = requireParam(p.get('OpenIDConnectProviderArn'), 'openIDConnectProviderArn')
  return renderOidcProvider(getProviderOrThrow(ctx, arn))
}

/**
 * CreateOpenIDConnectProvider: Url must be https without a port (IAM keys the provider on host + path), ≤100 client
 * IDs, ≤5 thumbprints of 40 hex characters; a second provider for the same Url is EntityAlreadyExists.
 */
export function createOpenIdConnectProvider(p: QueryParams, ctx: ServiceContext): IamResult {
  const url = requireParam(p.get('Url'), 'url')
  if (url.length < 1 || url.length > 255)
    throw createValidationError('url', url, 'Member must have length less than or equal to 255')
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new AwsError('InvalidInput', 400, 'Invalid URL format.')
  }
  if (parsed.protocol !== 'https:') throw new AwsError('InvalidInput', 400, 'The URL must begin with https://')
  if (parsed.port !== '' || parsed.search !== '')
    throw new AwsError('InvalidInput', 400, 'The URL must not contain a port or query.')
  const clientIds = p.getList('ClientIDList') ?? []
  if (clientIds.length > 100)
    throw createValidationError(
      'clientIDList',
      `[${clientIds.length}]`,
      'Member must have length less than or equal to 100',
    )
  const thumbprints = p.getList('ThumbprintList') ?? []
  if (thumbprints.length > 5)
    throw createValidationError(
      'thumbprintList',
      `[${thumbprints.length}]`,
      'Member must have length less than or equal to 5',
    )
  for (const t of thumbprints) {
    if (!/^[0-9a-fA-F]{40}$/.test(t))
      throw createValidationError('thumbprintList.member', t, 'Member must have length greater than or equal to 40')
  }
  const stored = `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname.replace(/\/$/, '')}`
  const arn = `arn:aws:iam::${ctx.world.account}:oidc-provider/${stored}`
  if (ctx.world.iam.oidcProviders.some((o) => o.arn === arn)) {
    throw new AwsError('EntityAlreadyExists', 409, `Provider with url https://${stored} already exists.`)
  }
  const tags = p.getTags('Tags') ?? []
  ctx.world.iam.oidcProviders.push({
    arn,
    url: stored,
    clientIds,
    thumbprints,
    createDate: formatIsoSeconds(new Date()),
    tags,
  })
  ctx.markDirty()
  return { OpenIDConnectProviderArn: arn, Tags: tags.length > 0 ? tags : undefined }
}

/**
 * AddClientIDToOpenIDConnectProvider: no output. Adding a client ID the provider already has succeeds without a change
 * (IAM documents the call as idempotent); ClientID is 1–255 characters and a provider holds at most 100 of them.
 */
export function addClientIdToOpenIdConnectProvider(p: QueryParams, ctx: ServiceContext): IamResult {
  const arn = requireParam(p.get('OpenIDConnectProviderArn'), 'openIDConnectProviderArn')
  const clientId = requireParam(p.get('ClientID'), 'clientID')
  if (clientId.length < 1)
    throw createValidationError('clientID', clientId, 'Member must have length greater than or equal to 1')
  if (clientId.length > 255)
    throw createValidationError('clientID', clientId, 'Member must have length less than or equal to 255')
  const provider = getProviderOrThrow(ctx, arn)
  if (provider.clientIds.includes(clientId)) return undefined
  if (provider.clientIds.length >= 100)
    throw new AwsError('LimitExceeded', 409, 'Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100')
  provider.clientIds = [...provider.clientIds, clientId]
  ctx.markDirty()
  return undefined
}

/** DeleteOpenIDConnectProvider: no output; an unknown ARN is NoSuchEntity (tests restore the seed with it). */
export function deleteOpenIdConnectProvider(p: QueryParams, ctx: ServiceContext): IamResult {
  const arn = requireParam(p.get('OpenIDConnectProviderArn'), 'openIDConnectProviderArn')
  const provider = getProviderOrThrow(ctx, arn)
  ctx.world.iam.oidcProviders = ctx.world.iam.oidcProviders.filter((o) => o !== provider)
  ctx.markDirty()
  return undefined
}
