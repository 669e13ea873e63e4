// Properties of the migration planner: whatever aws-auth holds, it never throws, every row gets a decision, and every
// planned entry is one EKS would accept (no system: groups, a username EKS allows, one entry per principal).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'

import { findGroupProblem } from '@/lib/access/access-entry-fields'
import { hostileText, propertyRuns } from '@/tests/support/reliability-arbitraries'

import { parseAwsAuth } from './aws-auth-parse'
import { principalKey } from './aws-auth-view'
import { planMigration, type ResolvedPrincipal } from './migration-plan'
import { usernameRefusal } from './migration-username'

const name = fc.constantFrom('admin', 'dev', 'nodes', 'fargate', 'gone', 'AWSServiceRoleForEKS')
const username = fc.option(
  fc.constantFrom(
    'admin',
    '{{SessionName}}',
    'x:{{SessionNameRaw}}',
    '{{AccessKeyID}}',
    'system:node:{{EC2PrivateDNSName}}',
    'system:node:{{SessionName}}',
    'aws:thing',
    'eks:',
  ),
  { nil: undefined },
)
const group = fc.constantFrom(
  'system:masters',
  'system:nodes',
  'system:bootstrappers',
  'system:node-proxier',
  'eks:kube-proxy-windows',
  'devs',
  'ops',
)
const mapping = (key: 'rolearn' | 'userarn', kind: string) =>
  fc.record({
    [key]: name.map((n) => `arn:aws:iam::111122223333:${kind}/${n}`),
    username,
    groups: fc.array(group, { maxLength: 4 }),
  })

function resolve(arn: string): ResolvedPrincipal {
  if (arn.endsWith('/gone')) return { status: 'missing' }
  if (arn.endsWith(':role/AWSServiceRoleForEKS'))
    return { status: 'found', arn: arn.replace('role/', 'role/aws-service-role/eks.amazonaws.com/') }
  return { status: 'found', arn: arn.replace(/:(role|user)\//, ':$1/team/') }
}

describe('planMigration properties', () => {
  it('every planned entry is valid for EKS, one per principal, and every other row says why', () => {
    fc.assert(
      fc.property(
        fc.array(mapping('rolearn', 'role'), { maxLength: 12 }),
        fc.array(mapping('userarn', 'user'), { maxLength: 6 }),
        fc.array(fc.constantFrom('111122223333', '444455556666'), { maxLength: 2 }),
        (roles, users, accounts) => {
          const data = { mapRoles: stringify(roles), mapUsers: stringify(users), mapAccounts: stringify(accounts) }
          const plan = planMigration(parseAwsAuth(data), resolve, [])
          expect(plan.items).toHaveLength(roles.length + users.length + accounts.length)
          const keys = new Set<string>()
          for (const item of plan.items) {
            if (item.action !== 'create') {
              expect(item.reason).toBeTruthy()
              expect(item.entry).toBeUndefined()
              continue
            }
            const entry = item.entry!
            expect(keys.has(principalKey(entry.principalArn))).toBe(false)
            keys.add(principalKey(entry.principalArn))
            expect(entry.principalArn).toContain('/team/')
            for (const g of entry.kubernetesGroups) expect(findGroupProblem(g)).toBeUndefined()
            if (entry.username !== undefined) expect(usernameRefusal(entry.username)).toBeUndefined()
            if (entry.type !== 'STANDARD') expect(entry.username).toBeUndefined()
            // Cluster admin is kept exactly when the mapping said system:masters.
            expect(entry.policyArns.length > 0).toBe(
              entry.type === 'STANDARD' && item.groups.includes('system:masters'),
            )
          }
          expect(plan.apiBlockers.length).toBe(plan.items.filter((i) => i.blocksApi).length)
        },
      ),
      propertyRuns,
    )
  })

  it('never throws on hostile text', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (mapRoles, mapUsers, mapAccounts) => {
        planMigration(parseAwsAuth({ mapRoles, mapUsers, mapAccounts }), resolve, [])
      }),
      propertyRuns,
    )
  })
})
