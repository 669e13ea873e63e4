// The persisted shape of the sandbox's EKS resources. Everything here is plain JSON (the world is saved as JSON under
// the state directory), so timestamps are epoch MILLISECONDS; wire rendering turns them into the epoch-SECONDS numbers
// EKS sends (docs/eks-wire-protocols.md#bodies-and-timestamps).

export type AuthenticationMode = 'API' | 'API_AND_CONFIG_MAP' | 'CONFIG_MAP'

export type AccessEntryType =
  'STANDARD' | 'EC2_LINUX' | 'EC2_WINDOWS' | 'FARGATE_LINUX' | 'HYBRID_LINUX' | 'EC2' | 'HYPERPOD_LINUX'

export interface AccessScope {
  type: 'cluster' | 'namespace'
  /** Empty for cluster scope (the CLI sample shows `"namespaces": []`); may hold wildcards like `shop-*`. */
  namespaces: string[]
}

export interface AssociatedPolicyRecord {
  policyArn: string
  accessScope: AccessScope
  associatedAt: number
  modifiedAt: number
}

export interface AccessEntryRecord {
  principalArn: string
  /**
   * The IAM unique ID (AROA…/AIDA…) EKS keeps with the entry, so a recreated role with the same ARN is NOT matched
   * (docs/access-entries.md#the-accessentry-object). `null` for principals of other accounts and for seeded entries whose IAM ids were not yet known.
   */
  principalId: string | null
  type: AccessEntryType
  username: string
  kubernetesGroups: string[]
  accessEntryArn: string
  createdAt: number
  modifiedAt: number
  tags: Record<string, string>
  /** Keyed by policy ARN: each policy can be associated once per entry (docs/access-entries.md#operations). */
  policies: Record<string, AssociatedPolicyRecord>
}

export interface PodIdentityAssociationRecord {
  associationId: string
  associationArn: string
  namespace: string
  serviceAccount: string
  roleArn: string
  targetRoleArn?: string
  /** EKS generates it when targetRoleArn is set; the target's trust policy should require it as sts:ExternalId. */
  externalId?: string
  disableSessionTags: boolean
  policy?: string
  ownerArn?: string
  tags: Record<string, string>
  createdAt: number
  modifiedAt: number
}

export interface OidcIdentityProviderConfigRecord {
  identityProviderConfigName: string
  identityProviderConfigArn: string
  issuerUrl: string
  clientId: string
  usernameClaim?: string
  usernamePrefix?: string
  groupsClaim?: string
  groupsPrefix?: string
  requiredClaims?: Record<string, string>
  tags: Record<string, string>
  /** Lazily becomes ACTIVE (or disappears, when DELETING) once its update settles. */
  status: 'CREATING' | 'DELETING' | 'ACTIVE'
}

/** What an update does to the cluster once it succeeds (applied lazily on a later read). */
export type UpdateEffect =
  | { kind: 'authenticationMode'; mode: AuthenticationMode }
  | { kind: 'associateIdentityProvider'; name: string }
  | { kind: 'disassociateIdentityProvider'; name: string }
  | { kind: 'logging'; logging: ClusterRecord['logging'] }
  | { kind: 'endpointAccess'; patch: Record<string, unknown> }
  | { kind: 'addon'; addonName: string }

export interface UpdateRecord {
  id: string
  status: 'InProgress' | 'Failed' | 'Cancelled' | 'Successful'
  type: string
  params: { type: string; value: string }[]
  createdAt: number
  errors: { errorCode?: string; errorMessage?: string; resourceIds?: string[] }[]
  nodegroupName?: string
  addonName?: string
  effect?: UpdateEffect
}

export interface NodegroupRecord {
  nodegroupName: string
  nodegroupArn: string
  version: string
  releaseVersion: string
  createdAt: number
  modifiedAt: number
  status: string
  capacityType: 'ON_DEMAND' | 'SPOT' | 'CAPACITY_BLOCK'
  scalingConfig: { minSize: number; maxSize: number; desiredSize: number }
  instanceTypes: string[]
  subnets: string[]
  amiType: string
  nodeRole: string
  labels: Record<string, string>
  taints: { key: string; value?: string; effect: string }[]
  diskSize: number
  autoScalingGroupName: string
  tags: Record<string, string>
}

export interface FargateProfileRecord {
  fargateProfileName: string
  fargateProfileArn: string
  createdAt: number
  podExecutionRoleArn: string
  subnets: string[]
  selectors: { namespace: string; labels?: Record<string, string> }[]
  status: 'CREATING' | 'ACTIVE' | 'DELETING' | 'CREATE_FAILED' | 'DELETE_FAILED'
  tags: Record<string, string>
}

export interface AddonRecord {
  addonName: string
  addonArn: string
  addonVersion: string
  status: string
  createdAt: number
  modifiedAt: number
  serviceAccountRoleArn?: string
  configurationValues?: string
  podIdentityAssociations: string[]
  tags: Record<string, string>
}

export interface ClusterRecord {
  name: string
  region: string
  arn: string
  createdAt: number
  version: string
  platformVersion: string
  /** Stored status; UPDATING while an update is InProgress (settled lazily, see cluster-updates.ts). */
  status: 'CREATING' | 'ACTIVE' | 'DELETING' | 'FAILED' | 'UPDATING' | 'PENDING'
  /** When DeleteCluster was called: the cluster is DELETING, and gone once the update delay has passed. */
  deletingSince?: number
  roleArn: string
  /** Filled by the Kubernetes server at start (setClusterConnection); a realistic placeholder until then. */
  endpoint: string
  certificateAuthorityData: string
  oidcIssuer: string
  authenticationMode: AuthenticationMode
  bootstrapClusterCreatorAdminPermissions: boolean
  /** The IAM principal that called CreateCluster (role ARN for a role session); absent for seeded clusters. */
  creatorArn?: string
  /** The rest of DescribeCluster's configuration blocks, already in wire shape (no timestamps inside). */
  resourcesVpcConfig: Record<string, unknown>
  kubernetesNetworkConfig: Record<string, unknown>
  logging: { clusterLogging: { types: string[]; enabled: boolean }[] }
  computeConfig?: { enabled: boolean; nodePools: string[]; nodeRoleArn: string }
  storageConfig?: { blockStorage: { enabled: boolean } }
  upgradePolicy: { supportType: 'STANDARD' | 'EXTENDED' }
  tags: Record<string, string>
  nodegroups: Record<string, NodegroupRecord>
  /** Optional: state files written before Fargate profiles existed have none. */
  fargateProfiles?: Record<string, FargateProfileRecord>
  addons: Record<string, AddonRecord>
  /** In creation order. */
  updates: UpdateRecord[]
  /** Keyed by principal ARN (exact, path included). */
  accessEntries: Record<string, AccessEntryRecord>
  /** Keyed by association id. */
  podIdentityAssociations: Record<string, PodIdentityAssociationRecord>
  /** Keyed by config name; EKS allows one OIDC provider per cluster (docs/oidc-identity-providers.md). */
  identityProviderConfigs: Record<string, OidcIdentityProviderConfigRecord>
}

/** A remembered idempotent call: same token + same body returns the same response (docs/eks-wire-protocols.md#idempotency-tokens). */
export interface IdempotencyRecord {
  operation: string
  bodyFingerprint: string
  status: number
  body: string
  at: number
}
