import { EKSClient, ListClustersCommand } from '@aws-sdk/client-eks'
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import type { FaultRuleInput } from '@/sandbox/core/faults'
import { startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

let t: TestSandbox

beforeAll(async () => {
  t = await startTestSandbox()
})
afterEach(async () => {
  await fetch(`${t.url}/_sandbox/faults`, { method: 'DELETE' })
})
afterAll(async () => {
  await t.stop()
})

async function putFaults(faults: FaultRuleInput[]): Promise<void> {
  const res = await fetch(`${t.url}/_sandbox/faults`, { method: 'PUT', body: JSON.stringify({ faults }) })
  expect(res.status).toBe(200)
}

async function failureOf(call: Promise<unknown>): Promise<{ name: string; status?: number; attempts?: number }> {
  try {
    await call
  } catch (e) {
    const err = e as { name: string; $metadata?: { httpStatusCode?: number; attempts?: number } }
    return { name: err.name, status: err.$metadata?.httpStatusCode, attempts: err.$metadata?.attempts }
  }
  throw new Error('expected the call to fail')
}

describe('fault injection', () => {
  it('IAM throttling (400 Throttling) is retried by the SDK, then surfaces as Throttling', async () => {
    await putFaults([{ service: 'iam', operation: 'ListRoles', kind: 'throttle', count: 2 }])
    const recovered = await new IAMClient({ ...t.admin, maxAttempts: 3 }).send(new ListRolesCommand({ MaxItems: 1 }))
    expect(recovered.$metadata.attempts).toBe(3)

    await putFaults([{ service: 'iam', operation: 'ListRoles', kind: 'throttle', count: 5 }])
    expect(await failureOf(new IAMClient({ ...t.admin, maxAttempts: 2 }).send(new ListRolesCommand({})))).toEqual({
      name: 'Throttling',
      status: 400,
      attempts: 2,
    })
  })

  it('EKS throttling is 429 ThrottlingException', async () => {
    await putFaults([{ service: 'eks', operation: 'ListClusters', kind: 'throttle' }])
    expect(
      await failureOf(new EKSClient({ ...t.admin, maxAttempts: 1 }).send(new ListClustersCommand({}))),
    ).toMatchObject({
      name: 'ThrottlingException',
      status: 429,
    })
  })

  it.each([
    [
      'iam',
      500,
      () => new IAMClient({ ...t.admin, maxAttempts: 1 }).send(new ListRolesCommand({})),
      'ServiceFailureException',
    ],
    [
      'sts',
      503,
      () => new STSClient({ ...t.admin, maxAttempts: 1 }).send(new GetCallerIdentityCommand({})),
      'ServiceUnavailable',
    ],
    [
      'eks',
      500,
      () => new EKSClient({ ...t.admin, maxAttempts: 1 }).send(new ListClustersCommand({})),
      'ServerException',
    ],
    [
      'eks',
      503,
      () => new EKSClient({ ...t.admin, maxAttempts: 1 }).send(new ListClustersCommand({})),
      'ServiceUnavailableException',
    ],
  ] as const)('%s %s error → %s', async (service, status, call, errorName) => {
    await putFaults([{ service, kind: 'error', status }])
    expect(await failureOf(call())).toMatchObject({ name: errorName, status })
  })

  it('a single 500 is retried transparently', async () => {
    await putFaults([{ service: 'sts', kind: 'error', count: 1 }])
    const res = await new STSClient({ ...t.admin, maxAttempts: 3 }).send(new GetCallerIdentityCommand({}))
    expect(res.$metadata.attempts).toBe(2)
  })

  it('adds latency', async () => {
    await putFaults([{ service: 'sts', operation: 'GetCallerIdentity', kind: 'latency', latencyMs: 300 }])
    const started = performance.now()
    await new STSClient(t.admin).send(new GetCallerIdentityCommand({}))
    expect(performance.now() - started).toBeGreaterThanOrEqual(295)
  })

  it('drops the connection: the SDK retries a transient socket error, or fails without retries', async () => {
    await putFaults([{ service: 'sts', kind: 'drop', count: 1 }])
    const res = await new STSClient({ ...t.admin, maxAttempts: 3 }).send(new GetCallerIdentityCommand({}))
    expect(res.$metadata.attempts).toBe(2)

    await putFaults([{ service: 'sts', kind: 'drop', count: 1 }])
    const failure = await failureOf(
      new STSClient({ ...t.admin, maxAttempts: 1 }).send(new GetCallerIdentityCommand({})),
    )
    expect(failure.status).toBeUndefined()
  })

  it('only faults the named operation, and counts down', async () => {
    await putFaults([{ service: 'iam', operation: 'GetRole', kind: 'error', count: 1 }])
    await new IAMClient({ ...t.admin, maxAttempts: 1 }).send(new ListRolesCommand({ MaxItems: 1 }))
    const listed = (await (await fetch(`${t.url}/_sandbox/faults`)).json()) as { faults: { fired: number }[] }
    expect(listed.faults.map((f) => f.fired)).toEqual([0])
  })

  it('rejects malformed fault definitions with 400', async () => {
    const res = await fetch(`${t.url}/_sandbox/faults`, {
      method: 'PUT',
      body: JSON.stringify({ faults: [{ service: 's3', kind: 'error' }] }),
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toContain('service')
  })
})
