import type { AwsResponse } from '../core/aws-types'
import type {
  AccessEntryRecord,
  AddonRecord,
  AssociatedPolicyRecord,
  ClusterRecord,
  NodegroupRecord,
  OidcIdentityProviderConfigRecord,
  PodIdentityAssociationRecord,
  UpdateRecord,
} from './records'

// Records → the JSON members EKS returns. Timestamps go out as epoch SECONDS in a JSON number (e.g. 1764340000.123):
// the SDK's parseEpochTimestamp rejects ISO strings (docs/eks-wire-protocols.md#bodies-and-timestamps).

/** Converts stored epoch milliseconds to the epoch-seconds number EKS sends. */
export function toEpochSeconds(ms: number): number {
  return ms / 1000
}

/** A 200 JSON response. */
export function respondJson(body: unknown, requestId: string, status = 200): AwsResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
    body: JSON.stringify(body),
  }
}

/** DescribeCluster's `cluster` member. */
export function renderCluster(c: ClusterRecord): Record<string, unknown> {
  const active = c.status === 'ACTIVE' || c.status === 'UPDATING'
  return {
    name: c.name,
    arn: c.arn,
    createdAt: toEpochSeconds(c.createdAt),
    version: c.version,
    // endpoint and certificateAuthority are only present once the cluster is ACTIVE (docs/authentication-modes.md#describecluster).
    ...(active ? { endpoint: c.endpoint, certificateAuthority: { data: c.certificateAuthorityData } } : {}),
    roleArn: c.roleArn,
    resourcesVpcConfig: c.resourcesVpcConfig,
    kubernetesNetworkConfig: c.kubernetesNetworkConfig,
    logging: c.logging,
    identity: { oidc: { issuer: c.oidcIssuer } },
    status: c.status,
    platformVersion: c.platformVersion,
    tags: c.tags,
    health: { issues: [] },
    accessConfig: {
      bootstrapClusterCreatorAdminPermissions: c.bootstrapClusterCreatorAdminPermissions,
      authenticationMode: c.authenticationMode,
    },
    upgradePolicy: c.upgradePolicy,
    ...(c.computeConfig ? { computeConfig: c.computeConfig } : {}),
    ...(c.storageConfig ? { storageConfig: c.storageConfig } : {}),
  }
}

/** The `accessEntry` member. */
export function renderAccessEntry(e: AccessEntryRecord, clusterName: string): Record<string, unknown> {
  return {
    clusterName,
    principalArn: e.principalArn,
    kubernetesGroups: e.kubernetesGroups,
    accessEntryArn: e.accessEntryArn,
    createdAt: toEpochSeconds(e.createdAt),
    modifiedAt: toEpochSeconds(e.modifiedAt),
    tags: e.tags,
    username: e.username,
    type: e.type,
  }
}

/** An AssociatedAccessPolicy. */
export function renderAssociatedPolicy(p: AssociatedPolicyRecord): Record<string, unknown> {
  return {
    policyArn: p.policyArn,
    accessScope: { type: p.accessScope.type, namespaces: p.accessScope.namespaces },
    associatedAt: toEpochSeconds(p.associatedAt),
    modifiedAt: toEpochSeconds(p.modifiedAt),
  }
}

/** The full PodIdentityAssociation (Create/Describe/Update/Delete). */
export function renderPodIdentityAssociation(
  a: PodIdentityAssociationRecord,
  clusterName: string,
): Record<string, unknown> {
  return {
    clusterName,
    namespace: a.namespace,
    serviceAccount: a.serviceAccount,
    roleArn: a.roleArn,
    associationArn: a.associationArn,
    associationId: a.associationId,
    tags: a.tags,
    createdAt: toEpochSeconds(a.createdAt),
    modifiedAt: toEpochSeconds(a.modifiedAt),
    ...(a.ownerArn ? { ownerArn: a.ownerArn } : {}),
    disableSessionTags: a.disableSessionTags,
    ...(a.targetRoleArn ? { targetRoleArn: a.targetRoleArn, externalId: a.externalId } : {}),
    ...(a.policy !== undefined ? { policy: a.policy } : {}),
  }
}

/** A list summary: no roleArn — callers must Describe for it (docs/pod-identity.md#the-association, docs/surprising-facts.md). */
export function renderPodIdentitySummary(
  a: PodIdentityAssociationRecord,
  clusterName: string,
): Record<string, unknown> {
  return {
    clusterName,
    namespace: a.namespace,
    serviceAccount: a.serviceAccount,
    associationArn: a.associationArn,
    associationId: a.associationId,
    ...(a.ownerArn ? { ownerArn: a.ownerArn } : {}),
  }
}

/** An Update. */
export function renderUpdate(u: UpdateRecord): Record<string, unknown> {
  return {
    id: u.id,
    status: u.status,
    type: u.type,
    params: u.params,
    createdAt: toEpochSeconds(u.createdAt),
    errors: u.errors,
  }
}

/** A Nodegroup. */
export function renderNodegroup(n: NodegroupRecord, clusterName: string): Record<string, unknown> {
  return {
    nodegroupName: n.nodegroupName,
    nodegroupArn: n.nodegroupArn,
    clusterName,
    version: n.version,
    releaseVersion: n.releaseVersion,
    createdAt: toEpochSeconds(n.createdAt),
    modifiedAt: toEpochSeconds(n.modifiedAt),
    status: n.status,
    capacityType: n.capacityType,
    scalingConfig: n.scalingConfig,
    instanceTypes: n.instanceTypes,
    subnets: n.subnets,
    amiType: n.amiType,
    nodeRole: n.nodeRole,
    labels: n.labels,
    taints: n.taints.map((t) => ({ key: t.key, value: t.value, effect: t.effect })),
    resources: { autoScalingGroups: [{ name: n.autoScalingGroupName }] },
    diskSize: n.diskSize,
    health: { issues: [] },
    updateConfig: { maxUnavailable: 1 },
    tags: n.tags,
  }
}

/** An Addon. */
export function renderAddon(a: AddonRecord, clusterName: string): Record<string, unknown> {
  return {
    addonName: a.addonName,
    clusterName,
    status: a.status,
    addonVersion: a.addonVersion,
    health: { issues: [] },
    addonArn: a.addonArn,
    createdAt: toEpochSeconds(a.createdAt),
    modifiedAt: toEpochSeconds(a.modifiedAt),
    ...(a.serviceAccountRoleArn ? { serviceAccountRoleArn: a.serviceAccountRoleArn } : {}),
    ...(a.configurationValues ? { configurationValues: a.configurationValues } : {}),
    tags: a.tags,
    podIdentityAssociations: a.podIdentityAssociations,
  }
}

/** DescribeIdentityProviderConfig's `identityProviderConfig.oidc`. */
export function renderOidcConfig(o: OidcIdentityProviderConfigRecord, clusterName: string): Record<string, unknown> {
  return {
    identityProviderConfigName: o.identityProviderConfigName,
    identityProviderConfigArn: o.identityProviderConfigArn,
    clusterName,
    issuerUrl: o.issuerUrl,
    clientId: o.clientId,
    usernameClaim: o.usernameClaim,
    usernamePrefix: o.usernamePrefix,
    groupsClaim: o.groupsClaim,
    groupsPrefix: o.groupsPrefix,
    requiredClaims: o.requiredClaims ?? {},
    tags: o.tags,
    status: o.status,
  }
}
