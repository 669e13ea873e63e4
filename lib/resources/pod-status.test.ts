import { describe, expect, it } from 'vitest'

import type { PodJson } from './kube-json'
import { derivePodStatus, podStatusTone } from './pod-status'

const pod = (status: PodJson['status'], extra: Partial<PodJson> = {}): PodJson => ({ status, ...extra })

describe('derivePodStatus (kubectl STATUS column)', () => {
  it.each<[string, PodJson, string]>([
    ['running', pod({ phase: 'Running', containerStatuses: [{ ready: true, state: { running: {} } }] }), 'Running'],
    [
      'crash loop',
      pod({ phase: 'Running', containerStatuses: [{ state: { waiting: { reason: 'CrashLoopBackOff' } } }] }),
      'CrashLoopBackOff',
    ],
    [
      'image pull',
      pod({ phase: 'Pending', containerStatuses: [{ state: { waiting: { reason: 'ImagePullBackOff' } } }] }),
      'ImagePullBackOff',
    ],
    [
      'unschedulable',
      pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] }),
      'Unschedulable',
    ],
    [
      'completed',
      pod({ phase: 'Succeeded', containerStatuses: [{ state: { terminated: { reason: 'Completed', exitCode: 0 } } }] }),
      'Completed',
    ],
    [
      'evicted',
      pod({ phase: 'Failed', reason: 'Evicted', containerStatuses: [{ state: { terminated: { exitCode: 137 } } }] }),
      'ExitCode:137',
    ],
    ['evicted, no container', pod({ phase: 'Failed', reason: 'Evicted' }), 'Evicted'],
    [
      'init waiting',
      pod(
        { phase: 'Pending', initContainerStatuses: [{ state: { waiting: { reason: 'PodInitializing' } } }] },
        { spec: { initContainers: [{ name: 'a' }, { name: 'b' }] } },
      ),
      'Init:0/2',
    ],
    [
      'terminating',
      pod({ phase: 'Running' }, { metadata: { deletionTimestamp: '2025-01-01T00:00:00Z' } }),
      'Terminating',
    ],
  ])('%s', (_name, input, expected) => {
    expect(derivePodStatus(input)).toBe(expected)
  })

  it('colours healthy, waiting and failing statuses', () => {
    expect(podStatusTone('Running')).toBe('green')
    expect(podStatusTone('Pending')).toBe('amber')
    expect(podStatusTone('CrashLoopBackOff')).toBe('red')
    expect(podStatusTone('Completed')).toBe('neutral')
  })
})
