import {
  ACCOUNT_ID,
  BILLING_IRSA_SUBJECT,
  CLUSTER_PROD_WEB,
  LEGACY_IRSA_SUBJECT,
  ROLE_ARNS,
} from '../../core/seed-constants'

// Trust policies of the seeded roles, written the way the AWS docs and consoles write them.

type Statement = Record<string, unknown>

function buildPolicy(...statements: Statement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements })
}

/** Any principal of the account whose identity policies allow sts:AssumeRole on the role may assume it. */
export function trustAccountRoot(): string {
  return buildPolicy({
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` },
    Action: 'sts:AssumeRole',
  })
}

/** Only the named IAM principal (a role ARN) may assume the role. */
export function trustPrincipal(arn: string): string {
  return buildPolicy({ Effect: 'Allow', Principal: { AWS: arn }, Action: 'sts:AssumeRole' })
}

/** An AWS service principal; EKS Auto Mode's cluster role also needs sts:TagSession. */
export function trustService(service: string, actions: string[] = ['sts:AssumeRole']): string {
  return buildPolicy({
    Effect: 'Allow',
    Principal: { Service: service },
    Action: actions.length === 1 ? actions[0] : actions,
  })
}

/** Fargate pod execution roles are confined to the account's Fargate profiles by aws:SourceArn (EKS user guide). */
export function trustFargatePods(): string {
  return buildPolicy({
    Effect: 'Allow',
    Principal: { Service: 'eks-fargate-pods.amazonaws.com' },
    Action: 'sts:AssumeRole',
    Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:eks:us-west-2:${ACCOUNT_ID}:fargateprofile/*` } },
  })
}

/** IAM Identity Center roles trust the account's SAML provider, never an IAM user. */
export function trustIdentityCenterSaml(): string {
  return buildPolicy({
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::${ACCOUNT_ID}:saml-provider/AWSSSO_5a1c9e7d3b2f4680_DO_NOT_DELETE` },
    Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
    Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
  })
}

/** IRSA trust for prod-web's issuer: Federated OIDC provider, AssumeRoleWithWebIdentity, `sub` + `aud` pinned. */
export function trustProdWebIrsa(subject: typeof BILLING_IRSA_SUBJECT | typeof LEGACY_IRSA_SUBJECT): string {
  const issuer = `oidc.eks.${CLUSTER_PROD_WEB.region}.amazonaws.com/id/${CLUSTER_PROD_WEB.oidcIssuerId}`
  return buildPolicy({
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::${ACCOUNT_ID}:oidc-provider/${issuer}` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { [`${issuer}:sub`]: subject, [`${issuer}:aud`]: 'sts.amazonaws.com' } },
  })
}

/** BreakGlassAdmin trusts only PlatformAdmin (role chaining). */
export function trustPlatformAdminOnly(): string {
  return trustPrincipal(ROLE_ARNS.PlatformAdmin)
}
