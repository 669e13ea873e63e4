import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { parseEnv, EnvError } = await import('./env')
const { describeEnvProblem, findEnvProblems } = await import('./env-schema')

const localToken = {
  NODE_ENV: 'production',
  NEXTAUTH_SECRET: 'a-secret-of-32-characters-or-so!',
  CONSOLE_AUTH: 'local-token',
  CONSOLE_LOCAL_TOKEN_SHA256: 'ab'.repeat(32),
  HOST: '127.0.0.1',
  NEXTAUTH_URL: 'http://localhost:3000',
}

describe('parseEnv', () => {
  it.each([
    { name: 'defaults in development', input: {}, region: 'us-west-2', regions: ['us-west-2'], auth: 'sandbox' },
    {
      name: 'regions default to AWS_REGION',
      input: { AWS_REGION: 'eu-west-1' },
      region: 'eu-west-1',
      regions: ['eu-west-1'],
      auth: 'sandbox',
    },
    {
      name: 'comma list trimmed and de-duplicated',
      input: { CONSOLE_REGIONS: ' us-west-2, eu-west-1,,us-west-2 ', CONSOLE_AUTH: 'sandbox' },
      region: 'us-west-2',
      regions: ['us-west-2', 'eu-west-1'],
      auth: 'sandbox',
    },
  ])('$name', ({ input, region, regions, auth }) => {
    const env = parseEnv(input)
    expect(env.awsRegion).toBe(region)
    expect(env.consoleRegions).toEqual(regions)
    expect(env.authMode).toBe(auth)
  })

  it.each([
    {
      name: 'bad region',
      input: { CONSOLE_REGIONS: 'us-west-2,Oregon' },
      problem: /CONSOLE_REGIONS item 2 "Oregon": must be an AWS region code/,
    },
    { name: 'bad endpoint', input: { AWS_ENDPOINT_URL: 'localhost' }, problem: /AWS_ENDPOINT_URL/ },
    { name: 'unknown auth', input: { CONSOLE_AUTH: 'ldap' }, problem: /CONSOLE_AUTH/ },
    {
      name: 'production needs auth',
      input: { NODE_ENV: 'production' },
      problem: /CONSOLE_AUTH: required in production/,
    },
    {
      name: 'production needs a secret',
      input: { NODE_ENV: 'production', CONSOLE_AUTH: 'sandbox' },
      problem: /NEXTAUTH_SECRET: required/,
    },
    { name: 'oidc needs an issuer', input: { CONSOLE_AUTH: 'oidc' }, problem: /OIDC_ISSUER: required/ },
    { name: 'oidc needs groups', input: { CONSOLE_AUTH: 'oidc' }, problem: /set at least one group/ },
    {
      name: 'token sign-in needs its hash',
      input: { ...localToken, CONSOLE_LOCAL_TOKEN_SHA256: '' },
      problem: /SHA256/,
    },
    { name: 'token sign-in on every address', input: { ...localToken, HOST: '0.0.0.0' }, problem: /HOST: token/ },
    { name: 'token sign-in without HOST', input: { ...localToken, HOST: undefined }, problem: /HOST: token/ },
    {
      name: 'token sign-in at a public URL',
      input: { ...localToken, NEXTAUTH_URL: 'https://console.example.com' },
      problem: /NEXTAUTH_URL: token/,
    },
  ])('rejects $name', ({ input, problem }) => {
    expect(() => parseEnv(input)).toThrowError(EnvError)
    expect(() => parseEnv(input)).toThrowError(problem)
  })

  it('accepts token sign-in bound to loopback, as npm start -- --aws sets it', () => {
    expect(parseEnv(localToken)).toMatchObject({ authMode: 'local-token', localTokenSha256: 'ab'.repeat(32) })
  })

  it('says per problem what fixes it and where the README explains it', () => {
    const problems = findEnvProblems({ NODE_ENV: 'production', CONSOLE_REGIONS: 'Oregon' })
    expect(problems.map(describeEnvProblem)).toEqual([
      expect.stringMatching(
        /^CONSOLE_REGIONS item 1 "Oregon": .*CONSOLE_REGIONS=us-west-2.* See README.md#configuration\.$/,
      ),
    ])
    const production = findEnvProblems({ NODE_ENV: 'production' }).map(describeEnvProblem)
    expect(production[0]).toMatch(/^CONSOLE_AUTH: required in production.*npm start -- --aws.*See README.md#pointing/)
    expect(production[1]).toMatch(/^NEXTAUTH_SECRET: .*openssl rand/)
  })

  it('reads an OIDC configuration with group lists', () => {
    const env = parseEnv({
      CONSOLE_AUTH: 'oidc',
      OIDC_ISSUER: 'https://idp.example.com/realms/acme',
      OIDC_CLIENT_ID: 'console',
      OIDC_CLIENT_SECRET: 's3cret',
      CONSOLE_ADMIN_GROUPS: 'platform-admins',
      CONSOLE_VIEWER_GROUPS: 'engineering, auditors',
    })
    expect(env.oidc).toMatchObject({ issuer: 'https://idp.example.com/realms/acme', groupsClaim: 'groups' })
    expect(env.groupMapping).toEqual({ admin: ['platform-admins'], editor: [], viewer: ['engineering', 'auditors'] })
  })
})
