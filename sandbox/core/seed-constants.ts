// The names and IDs every part of the sandbox seed must agree on (IAM, EKS, Kubernetes). One module, so that the IAM
// OIDC providers and the EKS clusters' `identity.oidc.issuer` can never drift apart.

/** The sandbox's own AWS account (README: The sandbox). */
export const ACCOUNT_ID = '111122223333'

/** Another account, only ever referenced by ARN (e.g. a Pod Identity `targetRoleArn`); its IAM is not served. */
export const OTHER_ACCOUNT_ID = '444455556666'

/** The region clusters live in unless stated otherwise; IAM signs with us-east-1 but is global. */
export const DEFAULT_REGION = 'us-west-2'

export type SeedAuthenticationMode = 'API' | 'API_AND_CONFIG_MAP' | 'CONFIG_MAP'

export interface SeedCluster {
  name: string
  region: string
  authenticationMode: SeedAuthenticationMode
  /** EKS Auto Mode (compute + block storage + load balancing enabled together). */
  autoMode: boolean
  /** The ID at the end of `https://oidc.eks.<region>.amazonaws.com/id/<ID>`: 32 uppercase hex characters. */
  oidcIssuerId: string
  /** Whether IAM has an OIDC provider for the issuer (legacy-batch deliberately has none: its IRSA is broken). */
  hasIamOidcProvider: boolean
  /** Only seeded with SANDBOX_SCALE=large. */
  largeScaleOnly: boolean
}

export const CLUSTER_PROD_WEB: SeedCluster = {
  name: 'prod-web',
  region: 'us-west-2',
  authenticationMode: 'API_AND_CONFIG_MAP',
  autoMode: false,
  oidcIssuerId: '5E1D6C3B0F8A4B2D9C7E1F0A3B6D8C42',
  hasIamOidcProvider: true,
  largeScaleOnly: false,
}

export const CLUSTER_ML_AUTO: SeedCluster = {
  name: 'ml-auto',
  region: 'us-west-2',
  authenticationMode: 'API',
  autoMode: true,
  oidcIssuerId: '9A7F2C4E6B1D3F5A8C0E2B4D6F8A1C3E',
  hasIamOidcProvider: true,
  largeScaleOnly: false,
}

export const CLUSTER_LEGACY_BATCH: SeedCluster = {
  name: 'legacy-batch',
  region: 'us-west-2',
  authenticationMode: 'CONFIG_MAP',
  autoMode: false,
  oidcIssuerId: 'C4D2E6F8A0B1C3D5E7F9A2B4C6D8E0F1',
  hasIamOidcProvider: false,
  largeScaleOnly: false,
}

export const CLUSTER_EU_SHOP: SeedCluster = {
  name: 'eu-shop',
  region: 'eu-west-1',
  authenticationMode: 'API',
  autoMode: false,
  oidcIssuerId: '7B3E9D1F5A2C8E4B6D0F3A9C1E7B5D2F',
  hasIamOidcProvider: true,
  largeScaleOnly: false,
}

export const CLUSTER_SCALE: SeedCluster = {
  name: 'scale',
  region: 'us-west-2',
  authenticationMode: 'API',
  autoMode: false,
  oidcIssuerId: 'F0E1D2C3B4A5968778695A4B3C2D1E0F',
  hasIamOidcProvider: false,
  largeScaleOnly: true,
}

/** Every seed cluster, in display order; filter on `largeScaleOnly` for the default scale. */
export const SEED_CLUSTERS: readonly SeedCluster[] = [
  CLUSTER_PROD_WEB,
  CLUSTER_ML_AUTO,
  CLUSTER_LEGACY_BATCH,
  CLUSTER_EU_SHOP,
  CLUSTER_SCALE,
]

/** Returns the seed clusters present at a scale. */
export function listSeedClusters(scale: 'default' | 'large'): SeedCluster[] {
  return SEED_CLUSTERS.filter((c) => scale === 'large' || !c.largeScaleOnly)
}

/** The cluster's OIDC issuer URL, as EKS reports it in `identity.oidc.issuer`. */
export function buildOidcIssuerUrl(cluster: Pick<SeedCluster, 'region' | 'oidcIssuerId'>): string {
  return `https://oidc.eks.${cluster.region}.amazonaws.com/id/${cluster.oidcIssuerId}`
}

/** The IAM OIDC provider ARN for a cluster issuer: the issuer URL without `https://` (docs/irsa.md#the-iam-oidc-provider). */
export function buildOidcProviderArn(cluster: Pick<SeedCluster, 'region' | 'oidcIssuerId'>): string {
  return `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/oidc.eks.${cluster.region}.amazonaws.com/id/${cluster.oidcIssuerId}`
}

export interface AccessKeyPair {
  accessKeyId: string
  secretAccessKey: string
}

/** The AWS documentation example key pair; it belongs to IAM user `admin`, the creator of every cluster. */
export const ADMIN_ACCESS_KEY: AccessKeyPair = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
}

export type SeedUserName = 'admin' | 'alice' | 'bob' | 'carol'

/** Fixed, documented access keys of the seeded IAM users (AKIA + 16, secrets 40 characters). */
export const USER_ACCESS_KEYS: Readonly<Record<SeedUserName, AccessKeyPair>> = {
  admin: ADMIN_ACCESS_KEY,
  alice: { accessKeyId: 'AKIAALICEEXAMPLE0001', secretAccessKey: 'aliceSECRETkeyEXAMPLE/K7MDENG+alice00001' },
  bob: { accessKeyId: 'AKIABOBEXAMPLE000002', secretAccessKey: 'bobSECRETkeyEXAMPLE/K7MDENG+bob000000002' },
  carol: { accessKeyId: 'AKIACAROLEXAMPLE0003', secretAccessKey: 'carolSECRETkeyEXAMPLE/K7MDENG+carol00003' },
}

/** IAM user ARNs by name. */
export const USER_ARNS: Readonly<Record<SeedUserName, string>> = {
  admin: `arn:aws:iam::${ACCOUNT_ID}:user/admin`,
  alice: `arn:aws:iam::${ACCOUNT_ID}:user/alice`,
  bob: `arn:aws:iam::${ACCOUNT_ID}:user/bob`,
  carol: `arn:aws:iam::${ACCOUNT_ID}:user/carol`,
}

/** The IAM Identity Center role path; real SSO roles carry the region in it and a random suffix in the name. */
export const SSO_ROLE_PATH = '/aws-reserved/sso.amazonaws.com/us-west-2/'
export const SSO_ROLE_NAME = 'AWSReservedSSO_DevOps_0a1b2c3d4e5f6789'

/** Seeded role names; each has an entry in ROLE_ARNS. */
export const ROLE_NAMES = [
  'PlatformAdmin',
  'TeamADeveloper',
  'TeamBDeveloper',
  'ReadOnlyAuditor',
  SSO_ROLE_NAME,
  'eksClusterRole',
  'AmazonEKSAutoClusterRole',
  'eksNodeRole',
  'AmazonEKSAutoNodeRole',
  'MlAutoCustomNodeRole',
  'AmazonEKSFargatePodExecutionRole',
  'orders-s3-reader',
  'reports-writer',
  'billing-irsa',
  'legacy-irsa',
  'BreakGlassAdmin',
] as const

export type SeedRoleName = (typeof ROLE_NAMES)[number]

function buildRoleArn(name: string, path = '/'): string {
  return `arn:aws:iam::${ACCOUNT_ID}:role${path}${name}`
}

/** Role ARNs by name (the SSO role's ARN carries its path). */
export const ROLE_ARNS: Readonly<Record<SeedRoleName, string>> = Object.fromEntries(
  ROLE_NAMES.map((n) => [n, n === SSO_ROLE_NAME ? buildRoleArn(n, SSO_ROLE_PATH) : buildRoleArn(n)]),
) as Record<SeedRoleName, string>

/** A role in OTHER_ACCOUNT_ID, for Pod Identity `targetRoleArn` examples; not served by this IAM. */
export const CROSS_ACCOUNT_TARGET_ROLE_ARN = `arn:aws:iam::${OTHER_ACCOUNT_ID}:role/cross-account-target`

/** A role ARN that does NOT exist in IAM (aws-auth keeps mapping it after it was deleted). */
export const DELETED_ROLE_ARN = buildRoleArn('retired-ci-deployer')

/** The `sub` the billing-irsa trust policy requires (prod-web's issuer): it matches the real service account. */
export const BILLING_IRSA_SUBJECT = 'system:serviceaccount:billing:billing-api'

/** The service account (in prod-web) annotated with legacy-irsa's ARN; it lives in namespace `legacy`... */
export const LEGACY_IRSA_SERVICE_ACCOUNT = { namespace: 'legacy', name: 'legacy-worker' } as const
/** ...but legacy-irsa's trust policy names namespace `default`, so AssumeRoleWithWebIdentity would be denied. */
export const LEGACY_IRSA_SUBJECT = 'system:serviceaccount:default:legacy-worker'

/** SANDBOX_SCALE=large: roles `scale-dev-0001` … `scale-dev-1000` back the scale cluster's access entries. */
export const SCALE_ROLE_COUNT = 1000

/** The name of the i-th (1-based) scale role. */
export function buildScaleRoleName(index: number): string {
  return `scale-dev-${String(index).padStart(4, '0')}`
}

/** The ARN of the i-th (1-based) scale role. */
export function buildScaleRoleArn(index: number): string {
  return buildRoleArn(buildScaleRoleName(index))
}
