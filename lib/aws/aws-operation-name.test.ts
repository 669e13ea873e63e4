import { DescribeClusterCommand } from '@aws-sdk/client-eks'
import { GetRoleCommand } from '@aws-sdk/client-iam'
import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { operationName } = await import('./aws-clients')

// The production bundle minifies class names (`DescribeClusterCommand` becomes `d`), so metrics and error messages
// must not depend on them.
describe('operationName', () => {
  it.each([
    ['DescribeCluster', new DescribeClusterCommand({ name: 'x' })],
    ['GetRole', new GetRoleCommand({ RoleName: 'x' })],
    ['DescribeCluster', new (class d extends DescribeClusterCommand {})({ name: 'x' })],
  ])('%s', (expected, command) => {
    expect(operationName(command)).toBe(expected)
  })
})
