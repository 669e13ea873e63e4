import { describe, expect, it } from 'vitest'

import { describeAwsError } from './aws-access-check'

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
