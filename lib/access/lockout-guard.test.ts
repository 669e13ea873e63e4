import { describe, expect, it, vi } from 'vitest'

import type { AssociatedPolicyDto } from '@/lib/access/access-entry-dto'

vi.mock('server-only', () => ({}))

const { findLockoutRisk } = await import('./lockout-guard')

const policy = (name: string, type: 'cluster' | 'namespace' = 'cluster'): AssociatedPolicyDto => ({
  policyArn: `arn:aws:eks::aws:cluster-access-policy/${name}`,
  policyName: name,
  accessScope: { type, namespaces: type === 'namespace' ? ['a'] : [] },
  associatedAt: null,
  modifiedAt: null,
})
const admin = policy('AmazonEKSClusterAdminPolicy')
const view = policy('AmazonEKSViewPolicy')
const del = { kind: 'delete-entry' as const }
const narrowView = {
  kind: 'change-scope' as const,
  policyArn: view.policyArn,
  accessScope: { type: 'namespace' as const, namespaces: ['a'] },
}
const widenView = { ...narrowView, accessScope: { type: 'cluster' as const, namespaces: [] } }

describe('findLockoutRisk', () => {
  it.each([
    {
      name: 'last admin, deleted',
      policies: [admin],
      change: del,
      others: 0,
      console: 'no',
      risk: 'last-cluster-admin',
    },
    { name: 'one of two admins, deleted', policies: [admin], change: del, others: 1, console: 'no', risk: null },
    {
      name: "the console's own entry, deleted",
      policies: [view],
      change: del,
      others: 1,
      console: 'yes',
      risk: 'console-principal',
    },
    {
      name: 'identity unknown, any entry deleted',
      policies: [view],
      change: del,
      others: 1,
      console: 'unknown',
      risk: 'console-identity-unknown',
    },
    {
      name: 'identity unknown, a scope narrowed',
      policies: [view],
      change: narrowView,
      others: 1,
      console: 'unknown',
      risk: 'console-identity-unknown',
    },
    {
      name: 'identity unknown, a scope widened',
      policies: [view],
      change: widenView,
      others: 1,
      console: 'unknown',
      risk: null,
    },
    {
      name: 'identity unknown, but the last admin',
      policies: [admin],
      change: del,
      others: 0,
      console: 'unknown',
      risk: 'last-cluster-admin',
    },
    { name: 'someone else, narrowed', policies: [view], change: narrowView, others: 0, console: 'no', risk: null },
  ] as const)('$name → $risk', ({ policies, change, others, console, risk }) => {
    expect(findLockoutRisk({ policies, change, otherClusterAdminCount: others, consolePrincipal: console })).toBe(risk)
  })
})
