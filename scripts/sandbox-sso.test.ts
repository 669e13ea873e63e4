import { describe, expect, it } from 'vitest'

import { parseEnv } from '@/lib/env-schema'

import { sandboxCaEnvironment, sandboxSsoEnvironment } from './sandbox-sso'

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

  it('trusts the sandbox CA unless NODE_EXTRA_CA_CERTS is already set', () => {
    expect(sandboxCaEnvironment('/s', {})).toEqual({ NODE_EXTRA_CA_CERTS: '/s/kube-tls/ca.crt' })
    expect(sandboxCaEnvironment('/s', { NODE_EXTRA_CA_CERTS: '/x' })).toEqual({})
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
