import { afterEach, describe, expect, it, vi } from 'vitest'

import { isConsoleError } from '@/lib/api/console-error'

vi.mock('server-only', () => ({}))
const { setKubeConnector, withKubeRetry } = await import('./kube-clients')
type KubeConnector = import('./kube-connection').KubeConnector

const ref = { region: 'us-west-2', name: 'prod-web' }
const action = { verb: 'list', resource: 'namespaces' }
const status = (code: number) => ({ code, body: JSON.stringify({ kind: 'Status', code, message: `status ${code}` }) })

function fakeConnector(): KubeConnector & { invalidations: number } {
  const fake = {
    invalidations: 0,
    getConnection: vi.fn(),
    getToken: vi.fn(),
    getClients: vi.fn(),
    invalidate: () => void fake.invalidations++,
  }
  return fake as unknown as KubeConnector & { invalidations: number }
}

afterEach(() => setKubeConnector(undefined))

describe('withKubeRetry (shared by callKube and kube-raw)', () => {
  it.each([
    ['answers at once', ['ok'], { value: 'ok', attempts: 1, invalidations: 0 }],
    ['retries a 401 once with fresh credentials', [401, 'ok'], { value: 'ok', attempts: 2, invalidations: 1 }],
    ['gives up after a second 401', [401, 401], { code: 'kubernetes_unauthorized', attempts: 2, invalidations: 1 }],
    ['does not retry a 403', [403, 'ok'], { code: 'kubernetes_forbidden', attempts: 1, invalidations: 0 }],
    ['does not retry a 500', [500, 'ok'], { attempts: 1, invalidations: 0 }],
  ] as const)('%s', async (_label, answers, expected) => {
    const kube = fakeConnector()
    setKubeConnector(kube)
    let attempts = 0
    const run = withKubeRetry(ref, action, async (_kube, useEndpoint) => {
      const answer = answers[attempts++]
      useEndpoint('https://k8s.example')
      if (typeof answer === 'number') throw status(answer)
      return answer
    })
    if ('value' in expected) {
      await expect(run).resolves.toBe(expected.value)
    } else {
      const error = await run.catch((e: unknown) => e)
      expect(isConsoleError(error)).toBe(true)
      if ('code' in expected) expect(error).toMatchObject({ code: expected.code })
    }
    expect({ attempts, invalidations: kube.invalidations }).toEqual({
      attempts: expected.attempts,
      invalidations: expected.invalidations,
    })
  })
})
