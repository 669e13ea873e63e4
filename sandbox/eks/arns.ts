// EKS resource ARN formats (docs/access-entries.md#the-accessentry-object, docs/authentication-modes.md#describecluster, docs/oidc-identity-providers.md#operations, docs/pod-identity.md#the-association). The access-entry segment is `access-entry/`, not the
// `accessEntry/` of one documentation sample.

/** `arn:aws:eks:<region>:<acct>:cluster/<name>`. */
export function buildClusterArn(region: string, account: string, name: string): string {
  return `arn:aws:eks:${region}:${account}:cluster/${name}`
}

/** `…:access-entry/<cluster>/<role|user>/<principalAcct>/<principalName>/<uuid>`. */
export function buildAccessEntryArn(
  region: string,
  account: string,
  cluster: string,
  principal: { kind: 'role' | 'user'; account: string; name: string },
  uuid: string,
): string {
  return `arn:aws:eks:${region}:${account}:access-entry/${cluster}/${principal.kind}/${principal.account}/${principal.name}/${uuid}`
}

/** `…:podidentityassociation/<cluster>/<associationId>`. */
export function buildPodIdentityAssociationArn(region: string, account: string, cluster: string, id: string): string {
  return `arn:aws:eks:${region}:${account}:podidentityassociation/${cluster}/${id}`
}

/** `…:identityproviderconfig/<cluster>/oidc/<name>/<uuid>`. */
export function buildIdentityProviderConfigArn(
  region: string,
  account: string,
  cluster: string,
  name: string,
  uuid: string,
): string {
  return `arn:aws:eks:${region}:${account}:identityproviderconfig/${cluster}/oidc/${name}/${uuid}`
}

/** `…:nodegroup/<cluster>/<nodegroup>/<uuid>`. */
export function buildNodegroupArn(
  region: string,
  account: string,
  cluster: string,
  name: string,
  uuid: string,
): string {
  return `arn:aws:eks:${region}:${account}:nodegroup/${cluster}/${name}/${uuid}`
}

/** `…:fargateprofile/<cluster>/<profile>/<uuid>`. */
export function buildFargateProfileArn(
  region: string,
  account: string,
  cluster: string,
  name: string,
  uuid: string,
): string {
  return `arn:aws:eks:${region}:${account}:fargateprofile/${cluster}/${name}/${uuid}`
}

/** `…:addon/<cluster>/<addon>/<uuid>`. */
export function buildAddonArn(region: string, account: string, cluster: string, name: string, uuid: string): string {
  return `arn:aws:eks:${region}:${account}:addon/${cluster}/${name}/${uuid}`
}

export interface EksResourceArn {
  region: string
  account: string
  /** The ARN resource type: cluster, access-entry, podidentityassociation, identityproviderconfig, nodegroup, addon. */
  resourceType: string
  clusterName: string
}

/** Splits an EKS resource ARN into region, account, type and cluster; undefined if it is not one. */
export function parseEksResourceArn(arn: string): EksResourceArn | undefined {
  const match = /^arn:aws:eks:([a-z0-9-]+):(\d{12}):([a-z-]+)\/([^/]+)(\/.*)?$/.exec(arn)
  if (!match) return undefined
  const [, region, account, resourceType, clusterName] = match as unknown as [string, string, string, string, string]
  return { region, account, resourceType, clusterName }
}
