import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

import { parseEnv } from '@/lib/env-schema'

import { sandboxSsoEnvironment, writeSandboxCaBundle } from './sandbox-sso'

describe('sandboxSsoEnvironment', () => {
  it('points the console at the sandbox issuer on the Kubernetes port, and the result passes the env rules', () => {
    const sso = sandboxSsoEnvironment('4566', {})
    expect(sso.OIDC_ISSUER).toBe('https://127.0.0.1:4567/oidc/example')
    const config = parseEnv({ CONSOLE_AUTH: 'sandbox', ...sso })
    expect(config.authMode).toBe('sandbox')
    expect(config.oidc).toMatchObject({ clientId: 'eks-access-console', issuer: sso.OIDC_ISSUER })
    expect(config.groupMapping).toEqual({ admin: ['platform'], editor: ['team-a-devs'], viewer: ['auditors'] })
  })

  it('leaves a configured IdP alone', () => {
    expect(sandboxSsoEnvironment('4566', { OIDC_ISSUER: 'https://idp.example' })).toEqual({})
  })

  it('bundles the sandbox CA with the CA file already named, for the console process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sso-ca-'))
    mkdirSync(join(dir, 'kube-tls'))
    writeFileSync(join(dir, 'kube-tls', 'ca.crt'), 'SANDBOX-CA\n')
    writeFileSync(join(dir, 'corp.pem'), 'CORP-CA\n')
    const { NODE_EXTRA_CA_CERTS } = writeSandboxCaBundle(dir, { NODE_EXTRA_CA_CERTS: join(dir, 'corp.pem') })
    expect(readFileSync(NODE_EXTRA_CA_CERTS ?? '', 'utf8')).toBe('CORP-CA\nSANDBOX-CA\n')
    const alone = writeSandboxCaBundle(dir, { NODE_EXTRA_CA_CERTS: join(dir, 'missing.pem') })
    expect(readFileSync(alone.NODE_EXTRA_CA_CERTS ?? '', 'utf8')).toBe('SANDBOX-CA\n')
  })
})

describe('the env rules for single sign-on beside the sandbox users', () => {
  it('reports a half-configured IdP instead of dropping it', () => {
    expect(() => parseEnv({ CONSOLE_AUTH: 'sandbox', OIDC_ISSUER: 'https://idp.example' })).toThrow(
      /OIDC_CLIENT_ID.*required when OIDC_ISSUER is set/s,
    )
  })

  it('needs no OIDC settings for sandbox sign-in alone', () => {
    expect(parseEnv({ CONSOLE_AUTH: 'sandbox' }).oidc.issuer).toBeUndefined()
  })
})
