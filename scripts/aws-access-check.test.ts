import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { checkAwsAccess, describeAwsError } from './aws-access-check'

const named = (name: string, message: string, extra: object = {}) => Object.assign(new Error(message), { name }, extra)

describe('describeAwsError', () => {
  it.each([
    {
      error: named(
        'TokenProviderError',
        'The SSO session token associated with profile=dev was not found or is invalid.',
      ),
      profile: 'dev',
      says: /SSO session has expired.*aws sso login --profile dev/,
    },
    {
      error: named('CredentialsProviderError', 'The SSO session associated with this profile has expired.'),
      profile: 'dev',
      says: /aws sso login --profile dev/,
    },
    {
      error: named('CredentialsProviderError', 'Could not load credentials from any providers'),
      says: /No AWS credentials were found.*AWS_PROFILE/,
    },
    { error: named('ExpiredToken', 'The security token included in the request is expired'), says: /expired/ },
    { error: named('InvalidClientTokenId', 'The security token is invalid.'), says: /rejected the credentials/ },
    { error: named('AccessDeniedException', 'not authorized'), says: /Access denied for eks:ListClusters/ },
    { error: named('Error', 'connect', { code: 'ECONNREFUSED' }), says: /Cannot reach AWS.*ECONNREFUSED/ },
  ])('$error.name: $says', ({ error, profile, says }) => {
    expect(describeAwsError(error, { profile, action: 'eks:ListClusters' })).toMatch(says)
  })
})

// The SDK's own credential chain, as `npm start -- --aws` runs it, on a home with only the files each case needs.
describe('checkAwsAccess with the real SDK credential chain', () => {
  const saved = { ...process.env }
  let home: string
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'aws-home-'))
    for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name]
    Object.assign(process.env, { HOME: home, AWS_EC2_METADATA_DISABLED: 'true' })
    process.env.AWS_CONFIG_FILE = join(home, 'config')
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(home, 'credentials')
  })
  afterEach(() => {
    process.env = { ...saved }
    rmSync(home, { recursive: true, force: true })
  })

  it('says to run aws sso login when the SSO profile has no valid token', async () => {
    writeFileSync(
      join(home, 'config'),
      [
        '[profile dev]',
        'sso_session = corp',
        'sso_account_id = 111122223333',
        'sso_role_name = Admin',
        'region = us-west-2',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = us-west-2',
        '',
      ].join('\n'),
    )
    const report = await checkAwsAccess({ region: 'us-west-2', regions: ['us-west-2'], profile: 'dev' })
    expect(report).toEqual({ ok: false, problem: expect.stringMatching(/SSO session .*aws sso login --profile dev/) })
  })

  it('says no credentials were found when the chain finds none', async () => {
    const report = await checkAwsAccess({ region: 'us-west-2', regions: ['us-west-2'] })
    expect(report).toEqual({ ok: false, problem: expect.stringMatching(/^No AWS credentials were found/) })
  })
})
