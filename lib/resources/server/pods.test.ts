import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { buildPodFieldSelector } = await import('./pods')

describe('buildPodFieldSelector', () => {
  it('pushes the node and the phase of a status down to Kubernetes', () => {
    expect(buildPodFieldSelector({ node: 'n1', status: 'Unschedulable' })).toBe('spec.nodeName=n1,status.phase=Pending')
    expect(buildPodFieldSelector({ node: '', status: 'Completed' })).toBe('status.phase=Succeeded')
    expect(buildPodFieldSelector({ node: '', status: undefined })).toBe('')
  })
})
