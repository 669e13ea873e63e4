// PLACEHOLDER owned by the IAM/STS work: replace with the real IAM state model.
export interface IamState {
  roles: unknown[]
  users: unknown[]
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
export function findPrincipal(_iam: IamState, _arn: string): IamPrincipal | undefined {
  return undefined
}
