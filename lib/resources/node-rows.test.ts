import { describe, expect, it } from 'vitest'

import { deriveNodeSource, projectNodeRow } from './node-rows'
import { formatCpu, formatMemory, parseQuantity } from './quantity'

describe('deriveNodeSource', () => {
  it.each([
    [{ 'eks.amazonaws.com/nodegroup': 'web' }, { kind: 'nodegroup', name: 'web' }],
    [
      { 'eks.amazonaws.com/compute-type': 'auto', 'karpenter.sh/nodepool': 'general-purpose' },
      { kind: 'auto-mode', name: 'general-purpose' },
    ],
    [
      { 'eks.amazonaws.com/compute-type': 'fargate', 'eks.amazonaws.com/fargate-profile': 'fp-default' },
      { kind: 'fargate', name: 'fp-default' },
    ],
    [{ 'karpenter.sh/nodepool': 'spot' }, { kind: 'karpenter', name: 'spot' }],
    [{}, { kind: 'self-managed', name: null }],
  ])('%o', (labels, expected) => {
    expect(deriveNodeSource(labels)).toEqual(expected)
  })
})

describe('quantities and node rows', () => {
  it('parses CPU and memory quantities', () => {
    expect(parseQuantity('3930m')).toBeCloseTo(3.93)
    expect(parseQuantity('4')).toBe(4)
    expect(parseQuantity('15896552Ki')).toBe(15896552 * 1024)
    expect(parseQuantity('nonsense')).toBeNull()
    expect(formatCpu(3.93)).toBe('3.93')
    expect(formatMemory(16 * 2 ** 30)).toBe('16.0 GiB')
  })

  it('shows a cordoned, not-ready node with its pressure conditions', () => {
    const row = projectNodeRow({
      metadata: { name: 'n1', labels: { 'node-role.kubernetes.io/worker': '' } },
      spec: { unschedulable: true },
      status: {
        conditions: [
          { type: 'Ready', status: 'False' },
          { type: 'MemoryPressure', status: 'True' },
        ],
      },
    })
    expect(row).toMatchObject({
      status: 'NotReady,SchedulingDisabled',
      problems: ['MemoryPressure'],
      roles: ['worker'],
    })
  })
})
