import { randomBytes } from 'node:crypto'

import { buildClusterArn } from './arns'
import { hasClusterWideUpdateInProgress } from './cluster-updates'
import { invalidParameter, resourceInUse } from './errors'
import { deriveUuid } from './ids'
import { ensureManagedAccessEntry, resolveCallerPrincipalArn } from './managed-access-entries'
import { getClusterOrThrow, runMutation, type Operation } from './op-context'
import type { AuthenticationMode, ClusterRecord } from './records'
import { renderCluster, respondJson } from './wire'

// CreateCluster and DeleteCluster (https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html). A new
// cluster is CREATING, then ACTIVE once the sandbox's update delay has passed (settled on the next read); its
// Kubernetes API is started by the sandbox's clustersChanged hook.

const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]*$/
const VERSIONS = ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34']
const DEFAULT_VERSION = '1.33'
const AUTH_MODES: readonly AuthenticationMode[] = ['CONFIG_MAP', 'API_AND_CONFIG_MAP', 'API']
const LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler']

type Json = Record<string, unknown>

const asObject = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {})
const asStrings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []

function readAccessConfig(body: Json): { mode: AuthenticationMode; bootstrap: boolean } {
  const access = asObject(body.accessConfig)
  // Through the API and SDKs the default mode is CONFIG_MAP (the console's default differs).
  const mode = (access.authenticationMode ?? 'CONFIG_MAP') as AuthenticationMode
  if (!AUTH_MODES.includes(mode))
    throw invalidParameter(`The authenticationMode must be one of [${AUTH_MODES.join(', ')}].`)
  const bootstrap = access.bootstrapClusterCreatorAdminPermissions !== false
  if (mode === 'CONFIG_MAP' && !bootstrap) {
    throw invalidParameter(
      'bootstrapClusterCreatorAdminPermissions must be true if cluster authentication mode is set to CONFIG_MAP',
    )
  }
  return { mode, bootstrap }
}

/** The `logging` block as EKS stores it: one enabled and one disabled group covering every log type. */
export function normalizeLogging(raw: unknown): ClusterRecord['logging'] {
  const enabled = new Set<string>()
  for (const group of Array.isArray(asObject(raw).clusterLogging) ? (asObject(raw).clusterLogging as unknown[]) : []) {
    const g = asObject(group)
    for (const t of asStrings(g.types)) {
      if (!LOG_TYPES.includes(t)) throw invalidParameter(`The log type ${t} is not valid.`)
      if (g.enabled === true) enabled.add(t)
      else enabled.delete(t)
    }
  }
  const on = LOG_TYPES.filter((t) => enabled.has(t))
  const off = LOG_TYPES.filter((t) => !enabled.has(t))
  return {
    clusterLogging: [
      ...(on.length ? [{ types: on, enabled: true }] : []),
      ...(off.length ? [{ types: off, enabled: false }] : []),
    ],
  }
}

/** Whether a trust policy lets the EKS service assume the role (an Allow naming `eks.amazonaws.com`). */
function trustsEks(document: string): boolean {
  try {
    const statements = asObject(JSON.parse(document)).Statement
    return (Array.isArray(statements) ? statements : [statements]).some((raw) => {
      const st = asObject(raw)
      const service = asObject(st.Principal).Service
      return st.Effect === 'Allow' && (Array.isArray(service) ? service : [service]).includes('eks.amazonaws.com')
    })
  } catch {
    return false
  }
}

/** POST /clusters. */
export const createClusterOp: Operation = (ctx) => {
  const body = ctx.body as Json
  const name = typeof body.name === 'string' ? body.name : ''
  if (!CLUSTER_NAME.test(name) || name.length > 100)
    throw invalidParameter(
      `The cluster name ${name} is not valid: it must match ${CLUSTER_NAME.source} (1-100 characters).`,
    )
  const version = typeof body.version === 'string' ? body.version : DEFAULT_VERSION
  if (!VERSIONS.includes(version))
    throw invalidParameter(`unsupported Kubernetes version ${version}`, { clusterName: name })
  const roleArn = typeof body.roleArn === 'string' ? body.roleArn : ''
  const role = ctx.world.iam.roles.find((r) => r.arn === roleArn)
  if (!role || !trustsEks(role.assumeRolePolicyDocument)) {
    throw invalidParameter(
      `Role with arn: ${roleArn}, could not be assumed because it does not exist or the trusted entity is not correct`,
      { clusterName: name },
    )
  }
  const vpc = asObject(body.resourcesVpcConfig)
  const subnetIds = asStrings(vpc.subnetIds)
  if (subnetIds.length < 2)
    throw invalidParameter('Subnets specified must be in at least two different AZs', { clusterName: name })
  const { mode, bootstrap } = readAccessConfig(body)

  return runMutation(ctx, 'CreateCluster', () => {
    const region = ctx.req.region
    if (ctx.world.eks.clusters[region]?.[name])
      throw resourceInUse(`Cluster already exists with name: ${name}`, { clusterName: name })
    const issuerId = randomBytes(16).toString('hex').toUpperCase()
    const hex = (s: string) => deriveUuid(`${name}:${issuerId}:${s}`).replace(/-/g, '').slice(0, 17)
    const creatorArn = resolveCallerPrincipalArn(ctx.world.iam, ctx.req.caller)
    const cluster: ClusterRecord = {
      name,
      region,
      arn: buildClusterArn(region, ctx.world.account, name),
      createdAt: ctx.now,
      version,
      platformVersion: 'eks.1',
      status: 'CREATING',
      roleArn,
      endpoint: `https://${issuerId}.gr7.${region}.eks.amazonaws.com`,
      certificateAuthorityData: '',
      oidcIssuer: `https://oidc.eks.${region}.amazonaws.com/id/${issuerId}`,
      authenticationMode: mode,
      bootstrapClusterCreatorAdminPermissions: bootstrap,
      creatorArn,
      resourcesVpcConfig: {
        subnetIds,
        securityGroupIds: asStrings(vpc.securityGroupIds),
        clusterSecurityGroupId: `sg-${hex('cluster-sg')}`,
        vpcId: `vpc-${hex('vpc')}`,
        endpointPublicAccess: vpc.endpointPublicAccess !== false,
        endpointPrivateAccess: vpc.endpointPrivateAccess === true,
        publicAccessCidrs: asStrings(vpc.publicAccessCidrs).length ? asStrings(vpc.publicAccessCidrs) : ['0.0.0.0/0'],
      },
      kubernetesNetworkConfig: {
        serviceIpv4Cidr: asObject(body.kubernetesNetworkConfig).serviceIpv4Cidr ?? '10.100.0.0/16',
        ipFamily: asObject(body.kubernetesNetworkConfig).ipFamily ?? 'ipv4',
        elasticLoadBalancing: { enabled: false },
      },
      logging: normalizeLogging(body.logging),
      upgradePolicy: { supportType: asObject(body.upgradePolicy).supportType === 'STANDARD' ? 'STANDARD' : 'EXTENDED' },
      tags: asObject(body.tags) as Record<string, string>,
      nodegroups: {},
      addons: {},
      updates: [],
      accessEntries: {},
      podIdentityAssociations: {},
      identityProviderConfigs: {},
    }
    if (bootstrap && mode !== 'CONFIG_MAP')
      ensureManagedAccessEntry(cluster, ctx.world.iam, creatorArn, 'STANDARD', ctx.now, { adminPolicy: true })
    ;(ctx.world.eks.clusters[region] ??= {})[name] = cluster
    ctx.clustersChanged?.()
    return respondJson({ cluster: renderCluster(cluster) }, ctx.req.requestId)
  })
}

/**
 * DELETE /clusters/{name}: refused while node groups or Fargate profiles remain (DELETING ones too), as EKS does
 * (https://docs.aws.amazon.com/eks/latest/APIReference/API_DeleteCluster.html). The cluster is DELETING for the update
 * delay, then gone; its Kubernetes API stops at once (the clustersChanged hook closes its listener and drops its
 * objects).
 */
export const deleteClusterOp: Operation = (ctx) => {
  const cluster = getClusterOrThrow(ctx)
  // EKS's answer names the cluster and one node group (seen in SDK error dumps); the Fargate wording is UNVERIFIED.
  const [nodegroupName] = Object.keys(cluster.nodegroups)
  if (nodegroupName !== undefined) {
    throw resourceInUse(`Cluster has nodegroups attached`, { clusterName: cluster.name, nodegroupName })
  }
  if (Object.keys(cluster.fargateProfiles ?? {}).length > 0) {
    throw resourceInUse(`Cluster has fargate profiles attached`, { clusterName: cluster.name })
  }
  // As CloudFormation relays it from EKS when a stack deletes a cluster mid-update (409).
  if (hasClusterWideUpdateInProgress(cluster)) {
    throw resourceInUse(`Cannot delete because cluster ${cluster.name} currently has an update in progress`, {
      clusterName: cluster.name,
    })
  }
  return runMutation(
    ctx,
    'DeleteCluster',
    () => {
      // A second DeleteCluster while DELETING answers the same (UNVERIFIED); the deletion clock is not restarted.
      if (cluster.status !== 'DELETING') {
        cluster.status = 'DELETING'
        cluster.deletingSince = ctx.now
      }
      ctx.clustersChanged?.()
      return respondJson({ cluster: renderCluster(cluster) }, ctx.req.requestId)
    },
    false,
  )
}
