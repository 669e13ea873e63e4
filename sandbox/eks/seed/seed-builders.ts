import { ACCOUNT_ID, buildOidcIssuerUrl, type SeedCluster } from '../../core/seed-constants'
import { buildDefaultUsername, listSystemGroups, parsePrincipalArn } from '../access-entry-rules'
import { buildAccessPolicyArn } from '../access-policies'
import {
  buildAccessEntryArn,
  buildAddonArn,
  buildClusterArn,
  buildFargateProfileArn,
  buildNodegroupArn,
  buildPodIdentityAssociationArn,
} from '../arns'
import { deriveAssociationId, deriveUuid } from '../ids'
import type {
  AccessEntryRecord,
  AccessEntryType,
  AccessScope,
  ClusterRecord,
  PodIdentityAssociationRecord,
} from '../records'

// Small deterministic builders the seed story is written with. Ids derive from names, so every fresh sandbox has the
// same ARNs.

export interface SeedClusterOptions {
  version: string
  platformVersion: string
  createdAt: string
  roleArn: string
  vpcId: string
  serviceIpv4Cidr: string
  loggingTypes: string[]
  tags: Record<string, string>
}

const ALL_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler']

/** Builds an ACTIVE cluster from its seed constants, with placeholder endpoint and CA until the Kubernetes side starts. */
export function buildSeedCluster(seed: SeedCluster, o: SeedClusterOptions): ClusterRecord {
  const hex = (s: string): string => deriveUuid(`${seed.name}:${s}`).replace(/-/g, '').slice(0, 17)
  const subnets = ['a', 'b', 'c'].map((az) => `subnet-${hex(az)}`)
  const enabled = o.loggingTypes
  const disabled = ALL_LOG_TYPES.filter((t) => !enabled.includes(t))
  return {
    name: seed.name,
    region: seed.region,
    arn: buildClusterArn(seed.region, ACCOUNT_ID, seed.name),
    createdAt: Date.parse(o.createdAt),
    version: o.version,
    platformVersion: o.platformVersion,
    status: 'ACTIVE',
    roleArn: o.roleArn,
    // Real endpoints are https://<issuer id>.gr7.<region>.eks.amazonaws.com; replaced by setClusterConnection.
    endpoint: `https://${seed.oidcIssuerId}.gr7.${seed.region}.eks.amazonaws.com`,
    certificateAuthorityData: Buffer.from(
      `-----BEGIN CERTIFICATE-----\nplaceholder for ${seed.name}: the Kubernetes server has not started\n-----END CERTIFICATE-----\n`,
    ).toString('base64'),
    oidcIssuer: buildOidcIssuerUrl(seed),
    authenticationMode: seed.authenticationMode,
    bootstrapClusterCreatorAdminPermissions: true,
    resourcesVpcConfig: {
      subnetIds: subnets,
      securityGroupIds: [`sg-${hex('sg')}`],
      clusterSecurityGroupId: `sg-${hex('cluster-sg')}`,
      vpcId: o.vpcId,
      endpointPublicAccess: true,
      endpointPrivateAccess: true,
      publicAccessCidrs: ['0.0.0.0/0'],
    },
    kubernetesNetworkConfig: {
      serviceIpv4Cidr: o.serviceIpv4Cidr,
      ipFamily: 'ipv4',
      elasticLoadBalancing: { enabled: seed.autoMode },
    },
    logging: {
      clusterLogging: [
        ...(enabled.length ? [{ types: enabled, enabled: true }] : []),
        ...(disabled.length ? [{ types: disabled, enabled: false }] : []),
      ],
    },
    upgradePolicy: { supportType: 'STANDARD' },
    tags: o.tags,
    nodegroups: {},
    addons: {},
    updates: [],
    accessEntries: {},
    podIdentityAssociations: {},
    identityProviderConfigs: {},
  }
}

export interface SeedEntryOptions {
  type?: AccessEntryType
  username?: string
  groups?: string[]
  /** Policy name → scope; omitted namespaces mean cluster scope. */
  policies?: Record<string, string[] | 'cluster'>
  minutesAfterCluster: number
  tags?: Record<string, string>
}

/** Adds an access entry the way CreateAccessEntry + AssociateAccessPolicy would have left it. */
export function addSeedAccessEntry(
  cluster: ClusterRecord,
  principalArn: string,
  o: SeedEntryOptions,
): AccessEntryRecord {
  const principal = parsePrincipalArn(principalArn)
  const type = o.type ?? 'STANDARD'
  const at = cluster.createdAt + o.minutesAfterCluster * 60_000
  const entry: AccessEntryRecord = {
    principalArn,
    principalId: null,
    type,
    username: o.username ?? buildDefaultUsername(principalArn, principal, type),
    kubernetesGroups: [...listSystemGroups(type), ...(o.groups ?? [])],
    accessEntryArn: buildAccessEntryArn(
      cluster.region,
      ACCOUNT_ID,
      cluster.name,
      principal,
      deriveUuid(`${cluster.arn}:${principalArn}`),
    ),
    createdAt: at,
    modifiedAt: at,
    tags: o.tags ?? {},
    policies: {},
  }
  for (const [name, scopeSpec] of Object.entries(o.policies ?? {})) {
    const policyArn = buildAccessPolicyArn(name)
    const accessScope: AccessScope =
      scopeSpec === 'cluster' ? { type: 'cluster', namespaces: [] } : { type: 'namespace', namespaces: scopeSpec }
    entry.policies[policyArn] = { policyArn, accessScope, associatedAt: at, modifiedAt: at }
  }
  cluster.accessEntries[principalArn] = entry
  return entry
}

export interface SeedNodegroupOptions {
  name: string
  capacityType: 'ON_DEMAND' | 'SPOT'
  instanceTypes: string[]
  scaling: { minSize: number; maxSize: number; desiredSize: number }
  nodeRole: string
  releaseVersion: string
  labels?: Record<string, string>
  taints?: { key: string; value?: string; effect: string }[]
}

/** Adds an ACTIVE managed node group on the cluster's subnets. */
export function addSeedNodegroup(cluster: ClusterRecord, o: SeedNodegroupOptions): void {
  const uuid = deriveUuid(`${cluster.arn}:nodegroup:${o.name}`)
  cluster.nodegroups[o.name] = {
    nodegroupName: o.name,
    nodegroupArn: buildNodegroupArn(cluster.region, ACCOUNT_ID, cluster.name, o.name, uuid),
    version: cluster.version,
    releaseVersion: o.releaseVersion,
    createdAt: cluster.createdAt + 20 * 60_000,
    modifiedAt: cluster.createdAt + 20 * 60_000,
    status: 'ACTIVE',
    capacityType: o.capacityType,
    scalingConfig: o.scaling,
    instanceTypes: o.instanceTypes,
    subnets: (cluster.resourcesVpcConfig.subnetIds as string[] | undefined) ?? [],
    amiType: 'AL2023_x86_64_STANDARD',
    nodeRole: o.nodeRole,
    labels: o.labels ?? {},
    taints: o.taints ?? [],
    diskSize: 20,
    autoScalingGroupName: `eks-${o.name}-${uuid}`,
    tags: {},
  }
}

/** Adds an ACTIVE Fargate profile on the cluster's subnets, selecting pods of the given namespaces. */
export function addSeedFargateProfile(
  cluster: ClusterRecord,
  o: { name: string; podExecutionRoleArn: string; namespaces: string[] },
): void {
  const uuid = deriveUuid(`${cluster.arn}:fargateprofile:${o.name}`)
  cluster.fargateProfiles ??= {}
  cluster.fargateProfiles[o.name] = {
    fargateProfileName: o.name,
    fargateProfileArn: buildFargateProfileArn(cluster.region, ACCOUNT_ID, cluster.name, o.name, uuid),
    createdAt: cluster.createdAt + 30 * 60_000,
    podExecutionRoleArn: o.podExecutionRoleArn,
    subnets: (cluster.resourcesVpcConfig.subnetIds as string[] | undefined) ?? [],
    selectors: o.namespaces.map((namespace) => ({ namespace })),
    status: 'ACTIVE',
    tags: {},
  }
}

/** Adds ACTIVE add-ons by name → version. */
export function addSeedAddons(cluster: ClusterRecord, versions: Record<string, string>): void {
  for (const [name, addonVersion] of Object.entries(versions)) {
    const at = cluster.createdAt + 15 * 60_000
    cluster.addons[name] = {
      addonName: name,
      addonArn: buildAddonArn(
        cluster.region,
        ACCOUNT_ID,
        cluster.name,
        name,
        deriveUuid(`${cluster.arn}:addon:${name}`),
      ),
      addonVersion,
      status: 'ACTIVE',
      createdAt: at,
      modifiedAt: at,
      podIdentityAssociations: [],
      tags: {},
    }
  }
}

export interface SeedPodIdentityOptions {
  namespace: string
  serviceAccount: string
  roleArn: string
  targetRoleArn?: string
  daysAfterCluster: number
}

/** Adds a Pod Identity association (a cross-account one gets the externalId EKS generates). */
export function addSeedPodIdentity(cluster: ClusterRecord, o: SeedPodIdentityOptions): PodIdentityAssociationRecord {
  const id = deriveAssociationId(`${cluster.arn}:${o.namespace}/${o.serviceAccount}`)
  const at = cluster.createdAt + o.daysAfterCluster * 86_400_000
  const record: PodIdentityAssociationRecord = {
    associationId: id,
    associationArn: buildPodIdentityAssociationArn(cluster.region, ACCOUNT_ID, cluster.name, id),
    namespace: o.namespace,
    serviceAccount: o.serviceAccount,
    roleArn: o.roleArn,
    ...(o.targetRoleArn
      ? { targetRoleArn: o.targetRoleArn, externalId: deriveUuid(`${cluster.arn}:${id}:external`) }
      : {}),
    disableSessionTags: false,
    tags: {},
    createdAt: at,
    modifiedAt: at,
  }
  cluster.podIdentityAssociations[id] = record
  return record
}
