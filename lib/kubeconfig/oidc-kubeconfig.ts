// A kubeconfig for people who sign in to the cluster with their company's IdP instead of IAM: the user runs
// kubelogin (`kubectl oidc-login get-token`, https://github.com/int128/kubelogin) as an exec credential plugin,
// which opens the IdP's sign-in and hands kubectl the ID token. EKS checks that token against the associated
// provider (docs/oidc-identity-providers.md).
import type { KubeconfigCluster } from './build-kubeconfig'

/** The provider fields the kubeconfig needs. */
export interface OidcKubeconfigProvider {
  name: string
  issuerUrl: string
  clientId: string
}

/** Scopes to ask for besides `openid` (the groups claim is often behind its own scope). */
export const DEFAULT_OIDC_EXTRA_SCOPES = ['email', 'profile', 'groups'] as const

/**
 * The kubeconfig document of an OIDC user: the same cluster entry as the AWS one (endpoint and CA from
 * DescribeCluster), a user `oidc-<provider>` whose exec plugin is kubelogin with the issuer, client ID and scopes,
 * and a context joining them.
 */
export function buildOidcKubeconfig(
  cluster: KubeconfigCluster,
  provider: OidcKubeconfigProvider,
  extraScopes: readonly string[] = DEFAULT_OIDC_EXTRA_SCOPES,
) {
  const userName = `oidc-${provider.name}`
  const contextName = `${userName}@${cluster.name}`
  const args = [
    'oidc-login',
    'get-token',
    `--oidc-issuer-url=${provider.issuerUrl}`,
    `--oidc-client-id=${provider.clientId}`,
    ...extraScopes.map((scope) => `--oidc-extra-scope=${scope}`),
  ]
  return {
    apiVersion: 'v1' as const,
    kind: 'Config' as const,
    clusters: [
      { name: cluster.arn, cluster: { 'certificate-authority-data': cluster.caData, server: cluster.endpoint } },
    ],
    contexts: [{ name: contextName, context: { cluster: cluster.arn, user: userName } }],
    'current-context': contextName,
    preferences: {},
    users: [
      {
        name: userName,
        user: {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1beta1',
            command: 'kubectl',
            args,
            // kubelogin opens a browser for the code flow; kubectl must let it talk to the terminal.
            interactiveMode: 'IfAvailable' as const,
          },
        },
      },
    ],
  }
}
