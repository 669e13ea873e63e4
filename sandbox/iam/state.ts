/** An IAM tag, in the Query wire shape. */
export interface IamTag {
  Key: string
  Value: string
}

export interface IamAttachedPolicy {
  PolicyName: string
  PolicyArn: string
}

/** An inline policy embedded in one role or user: its name and document (raw JSON, as the caller sent it). */
export interface IamInlinePolicy {
  name: string
  document: string
}

/** A customer managed policy (AWS managed ones live in code: policy/aws-managed-policies.ts). Only `v1` is kept. */
export interface IamManagedPolicy {
  name: string
  path: string
  /** ANPA + 17 uppercase alphanumerics. */
  id: string
  arn: string
  document: string
  description?: string
  createDate: string
  updateDate: string
  tags: IamTag[]
}

export interface IamRole {
  name: string
  /** `/` or `/a/b/`; part of the ARN. */
  path: string
  /** AROA + 17 uppercase alphanumerics. */
  id: string
  arn: string
  /** ISO-8601, second precision. */
  createDate: string
  /** The trust policy as the caller sent it (raw JSON); responses URL-encode it. */
  assumeRolePolicyDocument: string
  description?: string
  maxSessionDuration: number
  tags: IamTag[]
  attachedPolicies: IamAttachedPolicy[]
  inlinePolicies: IamInlinePolicy[]
  /** The ARN of the managed policy that bounds the role's identity policies. */
  permissionsBoundary?: string
}

export interface IamAccessKey {
  accessKeyId: string
  secretAccessKey: string
  status: 'Active' | 'Inactive'
  createDate: string
}

export interface IamUser {
  name: string
  path: string
  /** AIDA + 17 uppercase alphanumerics. */
  id: string
  arn: string
  createDate: string
  tags: IamTag[]
  accessKeys: IamAccessKey[]
  attachedPolicies: IamAttachedPolicy[]
  inlinePolicies: IamInlinePolicy[]
  permissionsBoundary?: string
}

export interface IamOidcProvider {
  arn: string
  /** The issuer URL without `https://`, as IAM stores it. */
  url: string
  clientIds: string[]
  thumbprints: string[]
  createDate: string
  tags: IamTag[]
}

/** Temporary credentials issued by sts:AssumeRole; accepted for signing until `expiration`. */
export interface StsSession {
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
  expiration: string
  roleName: string
  /** The role's IAM ARN, path included. */
  roleArn: string
  roleId: string
  sessionName: string
  /** `arn:aws:sts::<acct>:assumed-role/<roleName>/<session>` (never a path). */
  assumedRoleArn: string
}

/**
 * IAM's part of the World: this account's roles, users, customer managed policies, OIDC providers, and the STS
 * sessions issued so far.
 */
export interface IamState {
  roles: IamRole[]
  users: IamUser[]
  policies: IamManagedPolicy[]
  oidcProviders: IamOidcProvider[]
  sessions: StsSession[]
}

/** An IAM role or user as other services need to see it (EKS stores the unique ID with an access entry). */
export interface IamPrincipal {
  kind: 'role' | 'user'
  name: string
  path: string
  arn: string
  /** AROA… for roles, AIDA… for users. */
  id: string
}

/** Finds a role or user of this sandbox's account by its ARN (path included, exact match). */
export function findPrincipal(iam: IamState, arn: string): IamPrincipal | undefined {
  const role = iam.roles.find((r) => r.arn === arn)
  if (role) return { kind: 'role', name: role.name, path: role.path, arn: role.arn, id: role.id }
  const user = iam.users.find((u) => u.arn === arn)
  if (user) return { kind: 'user', name: user.name, path: user.path, arn: user.arn, id: user.id }
  return undefined
}

/** Finds a role by name (IAM role names are unique per account, case-insensitively). */
export function findRoleByName(iam: IamState, name: string): IamRole | undefined {
  const lower = name.toLowerCase()
  return iam.roles.find((r) => r.name.toLowerCase() === lower)
}

/** Finds a user by name (unique per account, case-insensitively). */
export function findUserByName(iam: IamState, name: string): IamUser | undefined {
  const lower = name.toLowerCase()
  return iam.users.find((u) => u.name.toLowerCase() === lower)
}
