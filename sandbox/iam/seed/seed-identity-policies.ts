import { ACCOUNT_ID, ROLE_ARNS, type SeedUserName } from '../../core/seed-constants'
import { buildAwsManagedPolicyArn } from '../policy/aws-managed-policies'
import type { IamAttachedPolicy, IamInlinePolicy, IamManagedPolicy } from '../state'

// The seed account's identity policies. Every seeded user keeps the access the demo needs: admin everything (it is
// the console's own principal), alice and bob may assume any role that trusts the account and read EKS and IAM,
// carol (the auditor) reads everything and may assume only ReadOnlyAuditor.

const OWN_POLICY = `arn:aws:iam::${ACCOUNT_ID}:policy/`

function buildDocument(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements })
}

interface CustomerPolicySpec {
  description: string
  document: string
}

/** Customer managed policies of the seed account, by name (all at path `/`). */
const CUSTOMER_POLICIES: Record<string, CustomerPolicySpec> = {
  DeveloperSelfService: {
    description: 'Developers: assume team roles, read EKS and IAM, read their own user',
    document: buildDocument(
      {
        Sid: 'AssumeTeamRoles',
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: `arn:aws:iam::${ACCOUNT_ID}:role/*`,
      },
      { Sid: 'ReadEks', Effect: 'Allow', Action: ['eks:Describe*', 'eks:List*'], Resource: '*' },
      { Sid: 'ReadRoles', Effect: 'Allow', Action: ['iam:GetRole', 'iam:ListRoles'], Resource: '*' },
      {
        Sid: 'ReadSelf',
        Effect: 'Allow',
        Action: ['iam:GetUser', 'iam:ListAttachedUserPolicies', 'iam:ListUserPolicies', 'iam:GetUserPolicy'],
        Resource: `arn:aws:iam::${ACCOUNT_ID}:user/\${aws:username}`,
      },
    ),
  },
  EksConsoleDeveloperAccess: {
    description: 'Team developer roles: read EKS clusters and IAM, reach the Kubernetes API',
    document: buildDocument({
      Effect: 'Allow',
      Action: ['eks:Describe*', 'eks:List*', 'eks:AccessKubernetesApi', 'iam:Get*', 'iam:List*'],
      Resource: '*',
    }),
  },
  'reports-bucket-write': {
    description: 'Write report objects',
    document: buildDocument({
      Effect: 'Allow',
      Action: ['s3:PutObject', 's3:GetObject'],
      Resource: 'arn:aws:s3:::example-reports/*',
    }),
  },
  'billing-dynamodb': {
    description: 'Billing tables',
    document: buildDocument({
      Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
      Resource: `arn:aws:dynamodb:us-west-2:${ACCOUNT_ID}:table/billing-*`,
    }),
  },
}

/** The seed account's customer managed policies, created on `createDate`. */
export function buildSeedCustomerPolicies(createDate: string, idOf: (arn: string) => string): IamManagedPolicy[] {
  return Object.entries(CUSTOMER_POLICIES).map(([name, spec]) => {
    const arn = OWN_POLICY + name
    return {
      name,
      path: '/',
      id: idOf(arn),
      arn,
      document: spec.document,
      description: spec.description,
      createDate,
      updateDate: createDate,
      tags: [],
    }
  })
}

function attach(arn: string): IamAttachedPolicy {
  return { PolicyArn: arn, PolicyName: arn.split('/').pop() ?? arn }
}

/** The managed policies attached to, and inline policies of, each seeded user. */
export function buildSeedUserPolicies(name: SeedUserName): {
  attachedPolicies: IamAttachedPolicy[]
  inlinePolicies: IamInlinePolicy[]
} {
  if (name === 'admin')
    return { attachedPolicies: [attach(buildAwsManagedPolicyArn('AdministratorAccess'))], inlinePolicies: [] }
  if (name === 'carol') {
    return {
      attachedPolicies: [attach(buildAwsManagedPolicyArn('ReadOnlyAccess'))],
      inlinePolicies: [
        {
          name: 'assume-auditor',
          document: buildDocument({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE_ARNS.ReadOnlyAuditor }),
        },
      ],
    }
  }
  return { attachedPolicies: [attach(OWN_POLICY + 'DeveloperSelfService')], inlinePolicies: [] }
}
