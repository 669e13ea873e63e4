import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { consoleUserFromOidcProfile, readGroupsClaim } = await import('./oidc-profile')

const mapping = { admin: ['admins'], editor: ['editors'], viewer: ['viewers'] }

describe('readGroupsClaim', () => {
  it.each([
    { profile: { groups: ['a', 'b'] }, claim: 'groups', groups: ['a', 'b'] },
    { profile: { groups: 'a, b' }, claim: 'groups', groups: ['a', 'b'] },
    { profile: { groups: ['a', 7, null] }, claim: 'groups', groups: ['a'] },
    { profile: { realm_access: { roles: ['admins'] } }, claim: 'realm_access.roles', groups: ['admins'] },
    { profile: { 'cognito:groups': ['editors'] }, claim: 'cognito:groups', groups: ['editors'] },
    { profile: {}, claim: 'groups', groups: [] },
  ])('$claim of $profile', ({ profile, claim, groups }) => {
    expect(readGroupsClaim(profile, claim)).toEqual(groups)
  })
})

describe('consoleUserFromOidcProfile', () => {
  it.each([
    {
      name: 'admin with a display name',
      profile: { sub: 'u1', name: 'Ada Admin', email: 'ada@example.com', groups: ['admins', 'viewers'] },
      user: { id: 'u1', name: 'Ada Admin', email: 'ada@example.com', role: 'admin' },
    },
    {
      name: 'editor falls back to preferred_username',
      profile: { sub: 'u2', preferred_username: 'ed', groups: ['editors'] },
      user: { id: 'u2', name: 'ed', email: null, role: 'editor' },
    },
    {
      name: 'viewer falls back to the email',
      profile: { sub: 'u3', email: 'val@example.com', groups: 'viewers' },
      user: { id: 'u3', name: 'val@example.com', email: 'val@example.com', role: 'viewer' },
    },
    { name: 'no matching group is refused', profile: { sub: 'u4', groups: ['sales'] }, user: null },
    { name: 'no groups claim is refused', profile: { sub: 'u5' }, user: null },
    { name: 'no subject is refused', profile: { groups: ['admins'] }, user: null },
  ])('$name', ({ profile, user }) => {
    expect(consoleUserFromOidcProfile(profile, { groupsClaim: 'groups', mapping })).toEqual(user)
  })
})
