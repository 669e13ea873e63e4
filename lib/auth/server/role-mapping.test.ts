import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { consoleRoleFromGroups } = await import('./role-mapping')

const mapping = { admin: ['platform-admins'], editor: ['team-leads', 'sre'], viewer: ['engineering'] }

describe('consoleRoleFromGroups', () => {
  it.each([
    { groups: ['platform-admins'], role: 'admin' },
    { groups: ['engineering', 'platform-admins'], role: 'admin' },
    { groups: ['sre'], role: 'editor' },
    { groups: ['engineering', 'team-leads'], role: 'editor' },
    { groups: ['engineering'], role: 'viewer' },
    { groups: ['marketing'], role: null },
    { groups: [], role: null },
    { groups: ['Platform-Admins'], role: null },
  ])('$groups → $role', ({ groups, role }) => {
    expect(consoleRoleFromGroups(groups, mapping)).toBe(role)
  })

  it('grants nothing when no groups are configured', () => {
    expect(consoleRoleFromGroups(['platform-admins'], { admin: [], editor: [], viewer: [] })).toBeNull()
  })
})
