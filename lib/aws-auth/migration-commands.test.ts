import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'

import { parseAwsAuth } from './aws-auth-parse'
import { buildMigrationCommands } from './migration-commands'
import { planMigration } from './migration-plan'

const A = 'arn:aws:iam::111122223333'
const plan = planMigration(
  parseAwsAuth({
    mapRoles: stringify([{ rolearn: `${A}:role/admin`, username: 'admin', groups: ['system:masters'] }]),
  }),
  (arn) => ({ status: 'found', arn }),
  [],
)
const cluster = { region: 'us-west-2', name: 'legacy-batch' }

describe('buildMigrationCommands', () => {
  it('enables access entries first on CONFIG_MAP, then creates and associates', () => {
    const { aws, eksctl } = buildMigrationCommands(cluster, plan, 'CONFIG_MAP', 'API_AND_CONFIG_MAP', false)
    expect(aws[0]).toContain('authenticationMode=API_AND_CONFIG_MAP')
    expect(aws.filter((c) => c.startsWith('aws eks create-access-entry'))).toHaveLength(1)
    expect(aws.some((c) => c.includes('AmazonEKSClusterAdminPolicy') && c.includes('type=cluster'))).toBe(true)
    expect(aws.some((c) => c.includes('authenticationMode=API\n') || c.endsWith('authenticationMode=API'))).toBe(false)
    expect(eksctl).toContain('--target-authentication-mode API_AND_CONFIG_MAP')
  })

  it('for API: no first switch when already on API_AND_CONFIG_MAP, a final switch, and the deletion when asked', () => {
    const { aws } = buildMigrationCommands(cluster, plan, 'API_AND_CONFIG_MAP', 'API', true)
    expect(aws[0]).toContain('create-access-entry')
    expect(aws.at(-3)).toMatch(/authenticationMode=API$/)
    expect(aws.at(-1)).toBe('kubectl delete configmap aws-auth --namespace kube-system')
    expect(buildMigrationCommands(cluster, plan, 'API_AND_CONFIG_MAP', 'API', false).aws.at(-1)).toMatch(/^# wait/)
  })
})
