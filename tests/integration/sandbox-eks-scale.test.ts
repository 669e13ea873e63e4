import { DescribeAccessEntryCommand, paginateListAccessEntries } from '@aws-sdk/client-eks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildScaleRoleArn } from '@/sandbox/core/seed-constants'

import { startEksTestServer, type EksTestServer } from './sandbox-eks-harness'

// SANDBOX_SCALE=large: the `scale` cluster's 1,000 access entries must page cleanly through the real SDK paginator.

let sandbox: EksTestServer

beforeAll(async () => {
  sandbox = await startEksTestServer({ scale: 'large' })
})
afterAll(() => sandbox.close())

describe('scale cluster', () => {
  it('pages all 1,000 access entries in pages of 100, each ARN once', async () => {
    const pageSizes: number[] = []
    const arns: string[] = []
    for await (const page of paginateListAccessEntries({ client: sandbox.client() }, { clusterName: 'scale' })) {
      pageSizes.push(page.accessEntries?.length ?? 0)
      arns.push(...(page.accessEntries ?? []))
    }
    expect(pageSizes).toEqual(Array(10).fill(100))
    expect(new Set(arns).size).toBe(1000)
    expect(arns).toContain(buildScaleRoleArn(996))
    expect(arns).not.toContain(buildScaleRoleArn(997))
  })

  it('filters the 1,000 entries by associated policy consistently with the state', async () => {
    const policyArn = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy'
    const arns: string[] = []
    for await (const page of paginateListAccessEntries(
      { client: sandbox.client(), pageSize: 50 },
      { clusterName: 'scale', associatedPolicyArn: policyArn },
    )) {
      arns.push(...(page.accessEntries ?? []))
    }
    const cluster = sandbox.world.eks.clusters['us-west-2']?.scale
    const expected = Object.values(cluster?.accessEntries ?? {}).filter((e) => policyArn in e.policies)
    expect(arns.length).toBe(expected.length)
    expect(arns.length).toBeGreaterThan(100)
  })

  it('describes a scale entry with its IAM-backed default username', async () => {
    const { accessEntry } = await sandbox
      .client()
      .send(new DescribeAccessEntryCommand({ clusterName: 'scale', principalArn: buildScaleRoleArn(42) }))
    expect(accessEntry?.username).toBe('arn:aws:sts::111122223333:assumed-role/scale-dev-0042/{{SessionName}}')
  })
})
