import {
  ACCOUNT_ID,
  BILLING_IRSA_SUBJECT,
  buildOidcIssuerUrl,
  buildOidcProviderArn,
  buildScaleRoleName,
  LEGACY_IRSA_SUBJECT,
  listSeedClusters,
  ROLE_ARNS,
  SCALE_ROLE_COUNT,
  SSO_ROLE_NAME,
  SSO_ROLE_PATH,
  USER_ACCESS_KEYS,
  USER_ARNS,
  type SeedRoleName,
  type SeedUserName,
} from '../../core/seed-constants'
import { formatIsoSeconds, generateIamId } from '../ids'
import type { IamOidcProvider, IamRole, IamState, IamUser } from '../state'
import { buildSeedCustomerPolicies, buildSeedUserPolicies } from './seed-identity-policies'
import {
  trustAccountRoot,
  trustFargatePods,
  trustIdentityCenterSaml,
  trustPlatformAdminOnly,
  trustProdWebIrsa,
  trustService,
} from './seed-trust-policies'

const AWS_POLICY = 'arn:aws:iam::aws:policy/'
const OWN_POLICY = `arn:aws:iam::${ACCOUNT_ID}:policy/`
// Before the oldest cluster (legacy-batch, 2022-08-30): EKS resolves a principal when its access entry is created, so
// a principal younger than its entry can only be a deleted-and-recreated one (docs/access-entries.md), and the
// effective-access analyzer reads it that way.
const SEED_EPOCH = Date.UTC(2022, 0, 5, 9, 30, 0)
/** The root CA thumbprint EKS OIDC issuers present (the one AWS documents for oidc.eks.*.amazonaws.com). */
const EKS_OIDC_THUMBPRINT = '9e99a48a9960b14926bb7f3b02e22da2b0ab7280'

interface RoleSpec {
  trust: () => string
  policies: string[]
  description?: string
}

const ROLE_SPECS: Record<SeedRoleName, RoleSpec> = {
  PlatformAdmin: {
    trust: trustAccountRoot,
    policies: [`${AWS_POLICY}AdministratorAccess`],
    description: 'Platform team: administers every EKS cluster',
  },
  TeamADeveloper: {
    trust: trustAccountRoot,
    policies: [`${OWN_POLICY}EksConsoleDeveloperAccess`],
    description: 'Team A developers',
  },
  TeamBDeveloper: {
    trust: trustAccountRoot,
    policies: [`${OWN_POLICY}EksConsoleDeveloperAccess`],
    description: 'Team B developers',
  },
  ReadOnlyAuditor: {
    trust: trustAccountRoot,
    policies: [`${AWS_POLICY}ReadOnlyAccess`, `${AWS_POLICY}SecurityAudit`],
    description: 'Auditors: read-only',
  },
  [SSO_ROLE_NAME]: { trust: trustIdentityCenterSaml, policies: [`${AWS_POLICY}PowerUserAccess`] },
  eksClusterRole: { trust: () => trustService('eks.amazonaws.com'), policies: [`${AWS_POLICY}AmazonEKSClusterPolicy`] },
  AmazonEKSAutoClusterRole: {
    trust: () => trustService('eks.amazonaws.com', ['sts:AssumeRole', 'sts:TagSession']),
    policies: [
      'AmazonEKSClusterPolicy',
      'AmazonEKSComputePolicy',
      'AmazonEKSBlockStoragePolicy',
      'AmazonEKSLoadBalancingPolicy',
      'AmazonEKSNetworkingPolicy',
    ].map((p) => AWS_POLICY + p),
    description: 'EKS Auto Mode cluster role',
  },
  eksNodeRole: {
    trust: () => trustService('ec2.amazonaws.com'),
    policies: ['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryReadOnly'].map(
      (p) => AWS_POLICY + p,
    ),
  },
  AmazonEKSAutoNodeRole: {
    trust: () => trustService('ec2.amazonaws.com'),
    policies: ['AmazonEKSWorkerNodeMinimalPolicy', 'AmazonEC2ContainerRegistryPullOnly'].map((p) => AWS_POLICY + p),
    description: 'EKS Auto Mode node role (built-in node pools)',
  },
  MlAutoCustomNodeRole: {
    trust: () => trustService('ec2.amazonaws.com'),
    policies: ['AmazonEKSWorkerNodeMinimalPolicy', 'AmazonEC2ContainerRegistryPullOnly'].map((p) => AWS_POLICY + p),
    description: 'Node role of the ml-auto custom NodeClass (gpu)',
  },
  AmazonEKSFargatePodExecutionRole: {
    trust: trustFargatePods,
    policies: [`${AWS_POLICY}AmazonEKSFargatePodExecutionRolePolicy`],
  },
  'orders-s3-reader': {
    trust: () => trustService('pods.eks.amazonaws.com', ['sts:AssumeRole', 'sts:TagSession']),
    policies: [`${AWS_POLICY}AmazonS3ReadOnlyAccess`],
    description: 'Pod Identity: orders service reads S3',
  },
  'reports-writer': {
    // Deliberately broken: Pod Identity needs sts:TagSession too, so EKS cannot hand out credentials.
    trust: () => trustService('pods.eks.amazonaws.com', ['sts:AssumeRole']),
    policies: [`${OWN_POLICY}reports-bucket-write`],
    description: 'Pod Identity: reports service writes S3',
  },
  'billing-irsa': {
    trust: () => trustProdWebIrsa(BILLING_IRSA_SUBJECT),
    policies: [`${OWN_POLICY}billing-dynamodb`],
    description: 'IRSA: billing-api in prod-web',
  },
  // Deliberately broken: the trust names namespace `default`, the service account lives in `legacy`.
  'legacy-irsa': {
    trust: () => trustProdWebIrsa(LEGACY_IRSA_SUBJECT),
    policies: [`${AWS_POLICY}AmazonSQSFullAccess`],
    description: 'IRSA: legacy worker',
  },
  BreakGlassAdmin: {
    trust: trustPlatformAdminOnly,
    policies: [`${AWS_POLICY}AdministratorAccess`],
    description: 'Emergency access; only PlatformAdmin may assume it',
  },
}

function buildSeedDate(dayOffset: number): string {
  return formatIsoSeconds(new Date(SEED_EPOCH + dayOffset * 86_400_000))
}

function buildRole(name: string, path: string, arn: string, spec: RoleSpec, day: number): IamRole {
  return {
    name,
    path,
    id: generateIamId('AROA', `role:${arn}`),
    arn,
    createDate: buildSeedDate(day),
    assumeRolePolicyDocument: spec.trust(),
    description: spec.description,
    maxSessionDuration: 3600,
    tags: [],
    attachedPolicies: spec.policies.map((PolicyArn) => ({
      PolicyArn,
      PolicyName: PolicyArn.split('/').pop() ?? PolicyArn,
    })),
    inlinePolicies: [],
  }
}

function buildUser(name: SeedUserName, day: number): IamUser {
  const key = USER_ACCESS_KEYS[name]
  const createDate = buildSeedDate(day)
  return {
    name,
    path: '/',
    id: generateIamId('AIDA', `user:${name}`),
    arn: USER_ARNS[name],
    createDate,
    tags: name === 'admin' ? [] : [{ Key: 'team', Value: name === 'carol' ? 'audit' : 'developers' }],
    accessKeys: [{ ...key, status: 'Active', createDate }],
    ...buildSeedUserPolicies(name),
  }
}

function buildOidcProviders(scale: 'default' | 'large'): IamOidcProvider[] {
  return listSeedClusters(scale)
    .filter((c) => c.hasIamOidcProvider)
    .map((c, i) => ({
      arn: buildOidcProviderArn(c),
      url: buildOidcIssuerUrl(c).replace(/^https:\/\//, ''),
      clientIds: ['sts.amazonaws.com'],
      thumbprints: [EKS_OIDC_THUMBPRINT],
      createDate: buildSeedDate(10 + i),
      tags: [{ Key: 'alpha.eksctl.io/cluster-name', Value: c.name }],
    }))
}

/**
 * The seed IAM of account 111122223333 (demo-world.md): users admin/alice/bob/carol with fixed keys and their
 * identity policies, the demo roles with their trust policies, the customer managed policies, and OIDC providers for every cluster but legacy-batch. `large` adds SCALE_ROLE_COUNT
 * roles for the scale cluster's access entries. Deterministic: the same IDs and dates on every start.
 */
export function seedIam(opts: { scale: 'default' | 'large' }): IamState {
  const roles = (Object.keys(ROLE_SPECS) as SeedRoleName[]).map((name, i) =>
    buildRole(name, name === SSO_ROLE_NAME ? SSO_ROLE_PATH : '/', ROLE_ARNS[name], ROLE_SPECS[name], i),
  )
  if (opts.scale === 'large') {
    const spec: RoleSpec = { trust: trustAccountRoot, policies: [] }
    const trust = spec.trust()
    for (let i = 1; i <= SCALE_ROLE_COUNT; i++) {
      const name = buildScaleRoleName(i)
      const arn = `arn:aws:iam::${ACCOUNT_ID}:role/${name}`
      roles.push({
        ...buildRole(name, '/', arn, { ...spec, trust: () => trust }, 30),
        description: 'scale test developer',
      })
    }
  }
  const users = (['admin', 'alice', 'bob', 'carol'] as const).map((n, i) => buildUser(n, i))
  const policies = buildSeedCustomerPolicies(buildSeedDate(0), (arn) => generateIamId('ANPA', `policy:${arn}`))
  return { roles, users, policies, oidcProviders: buildOidcProviders(opts.scale), sessions: [] }
}
