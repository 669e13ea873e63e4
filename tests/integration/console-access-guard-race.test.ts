/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { callRoute, policyArn, roleArn, setUpConsoleAccessSandbox, userArn } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

// The last-cluster-admin guard under concurrency: two DELETEs of the last two cluster-admin entries, sent at once
// through the real route handlers, must not both pass (each alone sees "one other admin left").
const sandbox = setUpConsoleAccessSandbox({ role: 'editor' })
let one: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/route')
let aws: typeof import('@/lib/aws/access-entries')
let cache: typeof import('@/lib/access/server/entry-detail-cache')

const eu = { region: 'eu-west-1', cluster: 'eu-shop' }
const ADMIN_POLICY = policyArn('AmazonEKSClusterAdminPolicy')

beforeAll(async () => {
  one = await import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/route')
  aws = await import('@/lib/aws/access-entries')
  cache = await import('@/lib/access/server/entry-detail-cache')
})

/**
 * eu-shop with exactly two cluster-admin entries, neither the console's own: PlatformAdmin (seeded) and billing-irsa
 * (added here); the console's user/admin loses AmazonEKSClusterAdminPolicy (its IAM rights to call EKS remain).
 */
async function resetToTwoAdmins(): Promise<[string, string]> {
  await sandbox().sandbox.reset()
  cache.clearEntryDetailCache()
  const second = roleArn('billing-irsa')
  await aws.createAccessEntry({ ...eu, principalArn: second, type: 'STANDARD', kubernetesGroups: [] })
  await aws.associateAccessPolicy({
    ...eu,
    principalArn: second,
    policyArn: ADMIN_POLICY,
    accessScope: { type: 'cluster' },
  })
  await aws.disassociateAccessPolicy({ ...eu, principalArn: userArn('admin'), policyArn: ADMIN_POLICY })
  return [roleArn('PlatformAdmin'), second]
}

describe('last-cluster-admin guard under concurrency', () => {
  it('lets exactly one of two simultaneous deletes of the last two admins through, 20 times out of 20', async () => {
    for (let round = 0; round < 20; round++) {
      const [a, b] = await resetToTwoAdmins()
      const answers = await Promise.all(
        [a, b].map((principal) => callRoute(one.DELETE, { ...eu, principal }, { method: 'DELETE' })),
      )
      const statuses = answers.map((r) => r.status).sort()
      expect(statuses, `round ${round}`).toEqual([200, 403])
      const refused = answers.find((r) => r.status === 403) as { body: any }
      expect(refused.body.error.message).toMatch(/last access entry with AmazonEKSClusterAdminPolicy/)
      const admins = await aws.listAccessEntryArns({ ...eu, associatedPolicyArn: ADMIN_POLICY })
      expect(admins, `round ${round}`).toHaveLength(1)
    }
  })
})
