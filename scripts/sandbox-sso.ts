// `npm start` on the sandbox offers a second sign-in besides the seeded users: single sign-on through the sandbox's
// own OIDC issuer (sandbox/oidc), the path a production console takes with CONSOLE_AUTH=oidc. The issuer is https
// on the sandbox's Kubernetes port, like a real IdP, so the console's server must trust the sandbox CA.
import { readFileSync, writeFileSync } from 'node:fs'
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
 * discovery, JWKS and token endpoints). Node reads one file, once, at start: so the launcher writes a bundle of the
 * file already named there (if any, e.g. a corporate proxy's CA) and the sandbox CA, after the sandbox wrote it.
 */
export function writeSandboxCaBundle(
  stateDir: string,
  env: Record<string, string | undefined>,
): Record<string, string> {
  const sandboxCa = readFileSync(join(stateDir, 'kube-tls', 'ca.crt'), 'utf8')
  let existing = ''
  try {
    existing = env.NODE_EXTRA_CA_CERTS ? readFileSync(env.NODE_EXTRA_CA_CERTS, 'utf8') : ''
  } catch {
    // Node itself only warns about an unreadable NODE_EXTRA_CA_CERTS; so do we, by leaving it out.
  }
  const bundle = resolve(join(stateDir, 'console-extra-ca.pem'))
  writeFileSync(bundle, `${existing.trimEnd()}${existing ? '\n' : ''}${sandboxCa}`)
  return { NODE_EXTRA_CA_CERTS: bundle }
}
