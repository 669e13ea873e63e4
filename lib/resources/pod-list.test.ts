import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { buildPodFieldSelector, completeNodeName } = await import('./pod-list')

describe('completeNodeName', () => {
  it.each([
    ['ip-10-0-32-7', 'us-west-2', 'ip-10-0-32-7.us-west-2.compute.internal'],
    ['ip-10-0-32-7', 'us-east-1', 'ip-10-0-32-7.ec2.internal'],
    ['i-0123456789abcdef0', 'eu-west-1', 'i-0123456789abcdef0.eu-west-1.compute.internal'],
    ['ip-10-0-32-7.us-west-2.compute.internal', 'us-west-2', 'ip-10-0-32-7.us-west-2.compute.internal'],
    ['fargate-ip-10-0-5-9', 'us-west-2', 'fargate-ip-10-0-5-9'],
    ['worker-1', 'us-west-2', 'worker-1'],
  ])('%s in %s → %s', (node, region, full) => expect(completeNodeName(node, region)).toBe(full))
})

describe('buildPodFieldSelector', () => {
  it('pushes the node and the phase of a status down to Kubernetes', () => {
    expect(buildPodFieldSelector({ node: 'n1', status: 'Unschedulable' })).toBe('spec.nodeName=n1,status.phase=Pending')
    expect(buildPodFieldSelector({ node: '', status: 'Completed' })).toBe('status.phase=Succeeded')
    expect(buildPodFieldSelector({ node: '', status: undefined })).toBe('')
  })
})
