import { buildIdentityProviderConfigArn } from './arns'
import { startClusterUpdate } from './cluster-updates'
import { invalidParameter, invalidRequest, resourceInUse, resourceNotFound } from './errors'
import { generateUuid } from './ids'
import { getClusterOrThrow, runMutation, type OpContext, type Operation } from './op-context'
import { paginate, sortByKey } from './pagination'
import type { ClusterRecord, OidcIdentityProviderConfigRecord } from './records'
import { readOptionalString, readOptionalStringMap, readTags, requireString, type JsonObject } from './request-body'
import { renderOidcConfig, renderUpdate, respondJson } from './wire'

// External OIDC identity providers (docs/oidc-identity-providers.md#operations). Associate/Disassociate return an Update whose param value is a
// JSON *string*; the config is CREATING (or DELETING) until that update settles.

function readOidcRequest(
  body: JsonObject,
): Omit<OidcIdentityProviderConfigRecord, 'identityProviderConfigArn' | 'tags' | 'status'> {
  const raw = body.oidc
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalidParameter('oidc is required.')
  const oidc = raw as JsonObject
  const name = requireString(oidc, 'identityProviderConfigName')
  const issuerUrl = requireString(oidc, 'issuerUrl')
  const clientId = requireString(oidc, 'clientId')
  let url: URL | undefined
  try {
    url = new URL(issuerUrl)
  } catch {
    url = undefined
  }
  if (!url || url.protocol !== 'https:' || url.search !== '') {
    throw invalidParameter('The issuerUrl must be an https URL without a query string.')
  }
  const usernamePrefix = readOptionalString(oidc, 'usernamePrefix')
  const groupsPrefix = readOptionalString(oidc, 'groupsPrefix')
  for (const [member, prefix] of [
    ['usernamePrefix', usernamePrefix],
    ['groupsPrefix', groupsPrefix],
  ] as const) {
    if (prefix?.includes('system:')) throw invalidParameter(`The ${member} must not contain system:`)
  }
  const requiredClaims = readOptionalStringMap(oidc, 'requiredClaims') ?? {}
  for (const [key, value] of Object.entries(requiredClaims)) {
    if (key.length < 1 || key.length > 63 || value.length < 1 || value.length > 253) {
      throw invalidParameter('requiredClaims keys must be 1-63 characters and values 1-253 characters.')
    }
  }
  return {
    identityProviderConfigName: name,
    issuerUrl,
    clientId,
    usernameClaim: readOptionalString(oidc, 'usernameClaim'),
    usernamePrefix,
    groupsClaim: readOptionalString(oidc, 'groupsClaim'),
    groupsPrefix,
    requiredClaims,
  }
}

function readConfigRef(ctx: OpContext, cluster: ClusterRecord): OidcIdentityProviderConfigRecord {
  const raw = ctx.body.identityProviderConfig
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw invalidParameter('identityProviderConfig is required.')
  const type = requireString(raw as JsonObject, 'type')
  const name = requireString(raw as JsonObject, 'name')
  if (type !== 'oidc') throw invalidParameter(`The identity provider config type ${type} is not supported; use oidc.`)
  const config = cluster.identityProviderConfigs[name]
  // UNVERIFIED wording.
  if (!config)
    throw resourceNotFound(`No identity provider configuration found for name: ${name}.`, { clusterName: cluster.name })
  return config
}

/** One provider before Kubernetes 1.32, up to 10 from 1.32 (docs/oidc-identity-providers.md#limits-and-behaviour). */
function maxIdentityProvidersFor(version: string): number {
  const [major = 0, minor = 0] = version.split('.').map(Number)
  return major > 1 || (major === 1 && minor >= 32) ? 10 : 1
}

function describeParam(name: string): { type: string; value: string } {
  return { type: 'IdentityProviderConfig', value: JSON.stringify([{ type: 'oidc', name }]) }
}

/** POST /clusters/{name}/identity-provider-configs/associate — each issuer once, one change at a time. */
export const associateIdentityProviderConfigOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const request = readOidcRequest(ctx.body)
  const tags = readTags(ctx.body)
  const name = request.identityProviderConfigName
  return runMutation(ctx, 'AssociateIdentityProviderConfig', () => {
    if (cluster.identityProviderConfigs[name]) {
      throw resourceInUse(`Identity provider config ${name} is already associated with this cluster.`, {
        clusterName: cluster.name,
      })
    }
    const configs = Object.values(cluster.identityProviderConfigs)
    if (configs.some((c) => c.status !== 'ACTIVE')) {
      throw resourceInUse('Another identity provider association or disassociation is in progress on this cluster.', {
        clusterName: cluster.name,
      })
    }
    const issuer = request.issuerUrl.replace(/\/+$/, '')
    if (configs.some((c) => c.issuerUrl.replace(/\/+$/, '') === issuer)) {
      throw invalidRequest(`The issuer ${request.issuerUrl} is already associated with this cluster.`, {
        clusterName: cluster.name,
      })
    }
    const max = maxIdentityProvidersFor(cluster.version)
    if (configs.length >= max) {
      // The limit is documented; the exact error is UNVERIFIED (docs/oidc-identity-providers.md#limits-and-behaviour).
      throw invalidRequest(
        max === 1
          ? `Only one OIDC identity provider config can be associated with a Kubernetes ${cluster.version} cluster.`
          : `At most ${max} OIDC identity provider configs can be associated with a cluster.`,
        { clusterName: cluster.name },
      )
    }
    const arn = buildIdentityProviderConfigArn(ctx.req.region, ctx.world.account, cluster.name, name, generateUuid())
    cluster.identityProviderConfigs[name] = { ...request, identityProviderConfigArn: arn, tags, status: 'CREATING' }
    const update = startClusterUpdate(
      cluster,
      {
        type: 'AssociateIdentityProviderConfig',
        params: [describeParam(name)],
        effect: { kind: 'associateIdentityProvider', name },
        marksClusterUpdating: false,
      },
      ctx.now,
    )
    return respondJson({ update: renderUpdate(update), tags }, ctx.req.requestId)
  })
}

/** POST /clusters/{name}/identity-provider-configs/describe (a POST, not a GET: §16.3). */
export const describeIdentityProviderConfigOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const config = readConfigRef(ctx, cluster)
  return respondJson({ identityProviderConfig: { oidc: renderOidcConfig(config, cluster.name) } }, ctx.req.requestId)
}

/** POST /clusters/{name}/identity-provider-configs/disassociate. */
export const disassociateIdentityProviderConfigOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const config = readConfigRef(ctx, cluster)
  const name = config.identityProviderConfigName
  return runMutation(ctx, 'DisassociateIdentityProviderConfig', () => {
    if (config.status !== 'ACTIVE') {
      throw resourceInUse(`Identity provider config ${name} is ${config.status}; wait until it is ACTIVE.`, {
        clusterName: cluster.name,
      })
    }
    config.status = 'DELETING'
    const update = startClusterUpdate(
      cluster,
      {
        type: 'DisassociateIdentityProviderConfig',
        params: [describeParam(name)],
        effect: { kind: 'disassociateIdentityProvider', name },
        marksClusterUpdating: false,
      },
      ctx.now,
    )
    return respondJson({ update: renderUpdate(update) }, ctx.req.requestId)
  })
}

/** GET /clusters/{name}/identity-provider-configs. */
export const listIdentityProviderConfigsOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  const names = sortByKey(Object.keys(cluster.identityProviderConfigs), (n) => n)
  const page = paginate('ListIdentityProviderConfigs', names, (n) => n, ctx.req.query)
  return respondJson(
    { identityProviderConfigs: page.items.map((name) => ({ type: 'oidc', name })), nextToken: page.nextToken },
    ctx.req.requestId,
  )
}
