import { describe, expect, it } from 'vitest'

import { sessionNameRendering } from './rbac-index'

describe('sessionNameRendering', () => {
  it.each([
    ['team-b:{{SessionName}}', 'team-b:alice', 'alice'],
    ['{{AccountID}}:{{SessionNameRaw}}', '111122223333:alice@example.com', 'alice@example.com'],
    ['ops-{{SessionName}}-admin', 'ops-bob-admin', 'bob'],
  ])('%s renders to %s for the session %s', (template, username, session) => {
    expect(sessionNameRendering(template, username)).toBe(session)
  })

  it.each([
    ['a plain username', 'team-b:alice', 'team-b:alice'],
    ['a template that cannot render to the name', 'team-b:{{SessionName}}', 'team-c:alice'],
    ['a template without a session variable', 'node:{{EC2PrivateDNSName}}', 'node:ip-10-0-0-1'],
  ])('is undefined for %s', (_, template, username) => {
    expect(sessionNameRendering(template, username)).toBeUndefined()
  })
})
