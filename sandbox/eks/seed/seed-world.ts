import {
  ACCOUNT_ID,
  CLUSTER_EU_SHOP,
  CLUSTER_LEGACY_BATCH,
  CLUSTER_ML_AUTO,
  ROLE_ARNS,
  SSO_ROLE_NAME,
  USER_ARNS,
} from '../../core/seed-constants'
import { buildIdentityProviderConfigArn } from '../arns'
import { deriveUuid } from '../ids'
import type { ClusterRecord } from '../records'
import {
  addSeedAccessEntry,
  addSeedAddons,
  addSeedFargateProfile,
  addSeedNodegroup,
  buildSeedCluster,
} from './seed-builders'
import { buildProdWeb } from './seed-prod-web'
import { buildScaleCluster } from './seed-scale'

// The demo story (demo-world.md). `admin` created every cluster with bootstrapClusterCreatorAdminPermissions=true, so
// wherever access entries exist it has a STANDARD entry with AmazonEKSClusterAdminPolicy at cluster scope (§2).

/** The service-linked role newer clusters get an `eks:managed` entry for (docs/access-entries.md#entries-eks-creates). */
export const EKS_SERVICE_LINKED_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/aws-service-role/eks.amazonaws.com/AWSServiceRoleForAmazonEKS`

const CLUSTER_ADMIN = { AmazonEKSClusterAdminPolicy: 'cluster' } as const

function buildMlAuto(): ClusterRecord {
  const c = buildSeedCluster(CLUSTER_ML_AUTO, {
    version: '1.34',
    platformVersion: 'eks.4',
    createdAt: '2025-01-14T16:02:44.031Z',
    roleArn: ROLE_ARNS.AmazonEKSAutoClusterRole,
    vpcId: 'vpc-0b2c3d4e5f6071829',
    serviceIpv4Cidr: '172.20.0.0/16',
    loggingTypes: ['api', 'audit'],
    tags: { team: 'ml', environment: 'production' },
  })
  // Auto Mode = compute + block storage + load balancing, enabled together (docs/authentication-modes.md#auto-mode).
  c.computeConfig = {
    enabled: true,
    nodePools: ['general-purpose', 'system'],
    nodeRoleArn: ROLE_ARNS.AmazonEKSAutoNodeRole,
  }
  c.storageConfig = { blockStorage: { enabled: true } }
  addSeedAccessEntry(c, USER_ARNS.admin, { minutesAfterCluster: 0, policies: CLUSTER_ADMIN })
  addSeedAccessEntry(c, ROLE_ARNS.AmazonEKSAutoClusterRole, {
    minutesAfterCluster: 0,
    policies: Object.fromEntries(
      ['Compute', 'BlockStorage', 'LoadBalancing', 'Networking'].flatMap((cap) => [
        [`AmazonEKS${cap}ClusterPolicy`, 'cluster'],
        [`AmazonEKS${cap}Policy`, 'cluster'],
      ]),
    ) as Record<string, 'cluster'>,
  })
  addSeedAccessEntry(c, ROLE_ARNS.AmazonEKSAutoNodeRole, {
    type: 'EC2',
    minutesAfterCluster: 0,
    policies: { AmazonEKSAutoNodePolicy: 'cluster' },
  })
  addSeedAccessEntry(c, EKS_SERVICE_LINKED_ROLE_ARN, {
    minutesAfterCluster: 0,
    username: 'eks:managed',
    policies: { AmazonEKSClusterInsightsPolicy: 'cluster', AmazonEKSEventPolicy: 'cluster' },
  })
  // A custom NodeClass uses its own role: its EC2 entry is created by hand (docs/authentication-modes.md#auto-mode-entries).
  addSeedAccessEntry(c, ROLE_ARNS.MlAutoCustomNodeRole, {
    type: 'EC2',
    minutesAfterCluster: 60 * 24 * 30,
    policies: { AmazonEKSAutoNodePolicy: 'cluster' },
  })
  addSeedAccessEntry(c, ROLE_ARNS.PlatformAdmin, { minutesAfterCluster: 60, policies: CLUSTER_ADMIN })
  addSeedAccessEntry(c, ROLE_ARNS.ReadOnlyAuditor, {
    minutesAfterCluster: 60,
    policies: { AmazonEKSViewPolicy: 'cluster' },
  })
  // The sandbox's own OIDC issuer (sandbox/oidc): its people reach ml-auto with ID tokens, through RBAC only. The
  // port is the default one; the sandbox points it at the live port when it starts.
  const idpName = 'example-sso'
  c.identityProviderConfigs[idpName] = {
    identityProviderConfigName: idpName,
    identityProviderConfigArn: buildIdentityProviderConfigArn(
      c.region,
      ACCOUNT_ID,
      c.name,
      idpName,
      deriveUuid(`${c.arn}:idp:${idpName}`),
    ),
    issuerUrl: 'https://127.0.0.1:4567/oidc/example',
    clientId: 'kubernetes',
    usernameClaim: 'email',
    groupsClaim: 'groups',
    groupsPrefix: 'example:',
    requiredClaims: {},
    tags: { idp: 'sandbox' },
    status: 'ACTIVE',
  }
  return c
}

function buildLegacyBatch(): ClusterRecord {
  const c = buildSeedCluster(CLUSTER_LEGACY_BATCH, {
    version: '1.31',
    platformVersion: 'eks.21',
    createdAt: '2022-08-30T11:15:52.880Z',
    roleArn: ROLE_ARNS.eksClusterRole,
    vpcId: 'vpc-0c3d4e5f607182930',
    serviceIpv4Cidr: '10.100.0.0/16',
    loggingTypes: [],
    tags: { team: 'data', environment: 'production' },
  })
  addSeedNodegroup(c, {
    name: 'batch-workers',
    capacityType: 'ON_DEMAND',
    instanceTypes: ['c5.2xlarge'],
    scaling: { minSize: 2, maxSize: 6, desiredSize: 2 },
    nodeRole: ROLE_ARNS.eksNodeRole,
    releaseVersion: '1.31.7-20250620',
  })
  addSeedAddons(c, {
    'vpc-cni': 'v1.18.3-eksbuild.3',
    coredns: 'v1.11.3-eksbuild.1',
    'kube-proxy': 'v1.31.0-eksbuild.5',
  })
  return c
}

function buildEuShop(): ClusterRecord {
  const c = buildSeedCluster(CLUSTER_EU_SHOP, {
    version: '1.32',
    platformVersion: 'eks.14',
    createdAt: '2024-11-05T08:27:19.204Z',
    roleArn: ROLE_ARNS.eksClusterRole,
    vpcId: 'vpc-0d4e5f60718293a41',
    serviceIpv4Cidr: '10.100.0.0/16',
    loggingTypes: ['audit', 'authenticator'],
    tags: { team: 'shop', environment: 'production', 'data-residency': 'eu' },
  })
  addSeedNodegroup(c, {
    name: 'shop-general',
    capacityType: 'ON_DEMAND',
    instanceTypes: ['m7g.large'],
    scaling: { minSize: 2, maxSize: 6, desiredSize: 3 },
    nodeRole: ROLE_ARNS.eksNodeRole,
    releaseVersion: '1.32.3-20250715',
  })
  addSeedAddons(c, {
    'vpc-cni': 'v1.19.2-eksbuild.1',
    coredns: 'v1.11.4-eksbuild.2',
    'kube-proxy': 'v1.32.0-eksbuild.2',
    'eks-pod-identity-agent': 'v1.3.4-eksbuild.1',
  })
  addSeedAccessEntry(c, USER_ARNS.admin, { minutesAfterCluster: 0, policies: CLUSTER_ADMIN })
  // In API mode, EKS writes the managed node group's role as an access entry itself (docs/access-entries.md#entries-eks-creates).
  addSeedAccessEntry(c, ROLE_ARNS.eksNodeRole, { type: 'EC2_LINUX', minutesAfterCluster: 20 })
  // Checkout jobs run on Fargate; EKS wrote the profile's pod execution role as a FARGATE_LINUX entry with it.
  addSeedFargateProfile(c, {
    name: 'fp-checkout',
    podExecutionRoleArn: ROLE_ARNS.AmazonEKSFargatePodExecutionRole,
    namespaces: ['checkout-jobs'],
  })
  addSeedAccessEntry(c, ROLE_ARNS.AmazonEKSFargatePodExecutionRole, { type: 'FARGATE_LINUX', minutesAfterCluster: 30 })
  addSeedAccessEntry(c, ROLE_ARNS.PlatformAdmin, { minutesAfterCluster: 90, policies: CLUSTER_ADMIN })
  addSeedAccessEntry(c, ROLE_ARNS.TeamADeveloper, {
    minutesAfterCluster: 60 * 24 * 3,
    policies: { AmazonEKSEditPolicy: ['shop-*'] },
  })
  addSeedAccessEntry(c, ROLE_ARNS.TeamBDeveloper, {
    minutesAfterCluster: 60 * 24 * 3,
    policies: { AmazonEKSViewPolicy: ['shop-*', 'payments'] },
  })
  addSeedAccessEntry(c, ROLE_ARNS[SSO_ROLE_NAME], {
    minutesAfterCluster: 60 * 24 * 10,
    policies: { AmazonEKSAdminPolicy: ['shop-*'], AmazonEKSViewPolicy: 'cluster' },
  })
  const idpName = 'corp-sso'
  c.identityProviderConfigs[idpName] = {
    identityProviderConfigName: idpName,
    identityProviderConfigArn: buildIdentityProviderConfigArn(
      c.region,
      ACCOUNT_ID,
      c.name,
      idpName,
      deriveUuid(`${c.arn}:idp:${idpName}`),
    ),
    issuerUrl: 'https://login.example-shop.eu/oauth2/default',
    clientId: 'eks-eu-shop',
    usernameClaim: 'email',
    groupsClaim: 'groups',
    groupsPrefix: 'oidc:',
    requiredClaims: {},
    tags: {},
    status: 'ACTIVE',
  }
  return c
}

/** Every seeded cluster at the given scale, in display order. */
export function buildSeedClusters(scale: 'default' | 'large'): ClusterRecord[] {
  const clusters = [buildProdWeb(), buildMlAuto(), buildLegacyBatch(), buildEuShop()]
  if (scale === 'large') clusters.push(buildScaleCluster())
  return clusters
}
