// `npm start` on the sandbox offers a second sign-in besides the seeded users: single sign-on through the sandbox's
// own OIDC issuer (sandbox/oidc), the path a production console takes with CONSOLE_AUTH=oidc. The issuer is https
// on the sandbox's Kubernetes port, like a real IdP, so the console's server must trust the sandbox CA.
import { join, resolve } from 'node:path'

/** The example company's issuer, its registration of the console, and which of its groups get which console role. */
export function sandboxSsoEnvironment(
  sandboxPort: string,
  env: Record<string, string | undefined>,
  host = '127.0.0.1',
): Record<string, string> {
  // The user's own OIDC settings win: then this is their IdP, not the sandbox's.
  if (env.OIDC_ISSUER) return {}
  const kubePort = Number(sandboxPort) + 1
  return {
    OIDC_ISSUER: `https://${host}:${kubePort}/oidc/example`,
    OIDC_CLIENT_ID: 'eks-access-console',
    OIDC_CLIENT_SECRET: 'sandbox-console-secret',
    OIDC_PROVIDER_NAME: 'Example Corp SSO (sandbox)',
    OIDC_SCOPES: 'openid email profile groups',
    CONSOLE_ADMIN_GROUPS: env.CONSOLE_ADMIN_GROUPS ?? 'platform',
    CONSOLE_EDITOR_GROUPS: env.CONSOLE_EDITOR_GROUPS ?? 'team-a-devs',
    CONSOLE_VIEWER_GROUPS: env.CONSOLE_VIEWER_GROUPS ?? 'auditors',
  }
}

/**
 * NODE_EXTRA_CA_CERTS for the console's process: the sandbox's CA, which signs its HTTPS port (the issuer's
 * discovery, JWKS and token endpoints). Only for the console: it is read at start, after the sandbox wrote the CA.
 */
export function sandboxCaEnvironment(
  stateDir: string,
  env: Record<string, string | undefined>,
): Record<string, string> {
  if (env.NODE_EXTRA_CA_CERTS) return {}
  return { NODE_EXTRA_CA_CERTS: resolve(join(stateDir, 'kube-tls', 'ca.crt')) }
}
