// AWS managed policies the sandbox knows, by name. Their documents are abridged to what the sandbox serves (EKS, IAM,
// STS) plus a representative line for other services: full documents run to thousands of actions
// (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html). Attaching a name not listed
// here fails as IAM fails for a policy that does not exist.

interface AwsManagedPolicy {
  description: string
  statements: Record<string, unknown>[]
}

const allow = (Action: string | string[], Resource: string | string[] = '*') => ({ Effect: 'Allow', Action, Resource })

const EKS_READ = ['eks:Describe*', 'eks:List*', 'eks:AccessKubernetesApi']

const POLICIES: Record<string, AwsManagedPolicy> = {
  AdministratorAccess: {
    description: 'Provides full access to AWS services and resources.',
    statements: [allow('*')],
  },
  PowerUserAccess: {
    description:
      'Provides full access to AWS services and resources, but does not allow management of Users and groups.',
    statements: [
      { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      allow([
        'iam:CreateServiceLinkedRole',
        'iam:DeleteServiceLinkedRole',
        'iam:ListRoles',
        'organizations:DescribeOrganization',
        'account:ListRegions',
        'account:GetAccountInformation',
      ]),
    ],
  },
  ReadOnlyAccess: {
    description: 'Provides read-only access to AWS services and resources.',
    statements: [
      allow([...EKS_READ, 'iam:Get*', 'iam:List*', 'iam:Generate*', 's3:Get*', 's3:List*', 'ec2:Describe*']),
    ],
  },
  SecurityAudit: {
    description: 'The security audit template grants access to read security configuration metadata.',
    statements: [allow(['eks:Describe*', 'eks:List*', 'iam:Get*', 'iam:List*', 'iam:GenerateCredentialReport'])],
  },
  IAMReadOnlyAccess: {
    description: 'Provides read only access to IAM via the AWS Management Console.',
    statements: [allow(['iam:Get*', 'iam:List*', 'iam:Generate*'])],
  },
  IAMFullAccess: {
    description: 'Provides full access to IAM via the AWS Management Console.',
    statements: [allow(['iam:*', 'organizations:DescribeAccount', 'organizations:ListRoots'])],
  },
  AmazonEKSClusterPolicy: {
    description: 'This policy provides Kubernetes the permissions it requires to manage resources on your behalf.',
    statements: [allow(['ec2:Describe*', 'ec2:CreateTags', 'elasticloadbalancing:*', 'kms:DescribeKey'])],
  },
  AmazonEKSServicePolicy: {
    description: 'This policy allows Amazon EKS to create and manage the necessary resources to operate EKS Clusters.',
    statements: [allow(['ec2:Describe*', 'ec2:CreateNetworkInterface', 'route53:AssociateVPCWithHostedZone'])],
  },
  AmazonEKSComputePolicy: {
    description: 'Provides Amazon EKS Auto Mode the permissions to manage EC2 instances.',
    statements: [allow(['ec2:RunInstances', 'ec2:CreateFleet', 'ec2:CreateLaunchTemplate', 'iam:PassRole'])],
  },
  AmazonEKSBlockStoragePolicy: {
    description: 'Provides Amazon EKS Auto Mode the permissions to manage EBS volumes.',
    statements: [allow(['ec2:CreateVolume', 'ec2:AttachVolume', 'ec2:DetachVolume', 'ec2:DescribeVolumes'])],
  },
  AmazonEKSLoadBalancingPolicy: {
    description: 'Provides Amazon EKS Auto Mode the permissions to manage Elastic Load Balancing.',
    statements: [allow(['elasticloadbalancing:*', 'ec2:DescribeSubnets'])],
  },
  AmazonEKSNetworkingPolicy: {
    description: 'Provides Amazon EKS Auto Mode the permissions to manage network interfaces.',
    statements: [allow(['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:Describe*'])],
  },
  AmazonEKSWorkerNodePolicy: {
    description: 'This policy allows Amazon EKS worker nodes to connect to Amazon EKS Clusters.',
    statements: [allow(['ec2:DescribeInstances', 'ec2:DescribeRouteTables', 'eks:DescribeCluster'])],
  },
  AmazonEKSWorkerNodeMinimalPolicy: {
    description: 'This policy allows Amazon EKS worker nodes to connect to Amazon EKS Clusters.',
    statements: [allow('eks-auth:AssumeRoleForPodIdentity')],
  },
  AmazonEKS_CNI_Policy: {
    description: 'This policy provides the Amazon VPC CNI Plugin the permissions it requires.',
    statements: [allow(['ec2:AssignPrivateIpAddresses', 'ec2:AttachNetworkInterface', 'ec2:Describe*'])],
  },
  AmazonEC2ContainerRegistryReadOnly: {
    description: 'Provides read-only access to Amazon EC2 Container Registry repositories.',
    statements: [allow(['ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'])],
  },
  AmazonEC2ContainerRegistryPullOnly: {
    description: 'Provides permissions to pull images from Amazon ECR repositories.',
    statements: [allow(['ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'])],
  },
  AmazonEKSFargatePodExecutionRolePolicy: {
    description: 'Provides access to other AWS service resources that are required to run Amazon EKS pods on Fargate.',
    statements: [allow(['ecr:GetAuthorizationToken', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'])],
  },
  AmazonS3ReadOnlyAccess: {
    description: 'Provides read only access to all buckets via the AWS Management Console.',
    statements: [allow(['s3:Get*', 's3:List*'])],
  },
  AmazonSQSFullAccess: {
    description: 'Provides full access to Amazon SQS via the AWS Management Console.',
    statements: [allow('sqs:*')],
  },
}

const AWS_POLICY_PREFIX = 'arn:aws:iam::aws:policy/'

/** The ARN of an AWS managed policy by name. */
export function buildAwsManagedPolicyArn(name: string): string {
  return AWS_POLICY_PREFIX + name
}

/** An AWS managed policy by ARN: its name, description and document (JSON text), or undefined if not known. */
export function findAwsManagedPolicy(arn: string): { name: string; description: string; document: string } | undefined {
  if (!arn.startsWith(AWS_POLICY_PREFIX)) return undefined
  const name = arn.slice(AWS_POLICY_PREFIX.length)
  const policy = Object.prototype.hasOwnProperty.call(POLICIES, name) ? POLICIES[name] : undefined
  if (!policy) return undefined
  return {
    name,
    description: policy.description,
    document: JSON.stringify({ Version: '2012-10-17', Statement: policy.statements }),
  }
}

/** Every AWS managed policy ARN the sandbox knows (ListPolicies with Scope=AWS). */
export function listAwsManagedPolicyArns(): string[] {
  return Object.keys(POLICIES).map(buildAwsManagedPolicyArn)
}
