// What the identity-provider API answers (shared by the routes, the page and its hooks).

/** One associated OIDC identity provider (DescribeIdentityProviderConfig's `oidc`). */
export interface IdentityProviderDto {
  name: string
  arn: string | null
  issuerUrl: string
  clientId: string
  usernameClaim: string | null
  usernamePrefix: string | null
  groupsClaim: string | null
  groupsPrefix: string | null
  requiredClaims: Record<string, string>
  tags: Record<string, string>
  status: 'CREATING' | 'ACTIVE' | 'DELETING'
}

/** GET …/identity-providers: the configs, the Kubernetes version (the limit depends on it) and the limit. */
export interface IdentityProviderListDto {
  kubernetesVersion: string
  maxProviders: number
  providers: IdentityProviderDto[]
}

/** An EKS update of an association or disassociation (DescribeUpdate), polled until it settles. */
export interface IdentityProviderUpdateDto {
  id: string
  status: string
  type: string | null
  errors: { code: string | null; message: string | null }[]
}
