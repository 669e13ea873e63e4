import type { EKSClient } from '@aws-sdk/client-eks'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { ACCOUNT, callRoute, policyArn, roleArn, setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

// A grant reads the cluster once (DescribeCluster: account, mode, Auto Mode facts) and reuses that context for the
// entry it reads back. Counted with an SDK middleware on the console's real EKS clients, against the sandbox.

setUpConsoleAccessSandbox({ role: 'editor' })
let route: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
let clients: EKSClient[]
const calls: string[] = []
const params = { region: 'us-west-2', cluster: 'prod-web' }

beforeAll(async () => {
  route = await import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
  const { getEksClient } = await import('@/lib/aws/aws-clients')
  clients = [getEksClient('us-west-2'), getEksClient('us-west-2', { bulk: true })]
  for (const client of clients) {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        calls.push(context.commandName ?? '?')
        return next(args)
      },
      { step: 'initialize', name: 'countCommands' },
    )
  }
})

afterEach(() => {
  calls.length = 0
})

const describeClusterCalls = () => calls.filter((name) => name === 'DescribeClusterCommand').length

describe('POST access-entries', () => {
  it('calls DescribeCluster once per grant', async () => {
    const principalArn = roleArn('orders-s3-reader')
    const { status, body } = await callRoute(route.POST, params, {
      method: 'POST',
      body: {
        principalArn,
        accessPolicies: [{ policyArn: policyArn('AmazonEKSViewPolicy'), accessScope: { type: 'cluster' } }],
      },
    })
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body).toMatchObject({ complete: true, entry: { principalArn } })
    expect(calls).toContain('CreateAccessEntryCommand')
    expect(describeClusterCalls()).toBe(1)
  })

  it("refuses a node role from another account with the cluster's account, before creating anything", async () => {
    const { status, body } = await callRoute(route.POST, params, {
      method: 'POST',
      body: { principalArn: 'arn:aws:iam::444455556666:role/foreign-nodes', type: 'EC2_LINUX' },
    })
    expect(status).toBe(422)
    expect(JSON.stringify(body)).toContain(`cluster's account (${ACCOUNT})`)
    expect(calls).not.toContain('CreateAccessEntryCommand')
    expect(describeClusterCalls()).toBe(1)
  })
})
