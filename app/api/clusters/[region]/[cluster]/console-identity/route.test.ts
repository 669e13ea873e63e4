import type { Session } from 'next-auth'
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const getConsoleSession = vi.fn<() => Promise<Session | null>>()
vi.mock('@/lib/auth/server/session', () => ({ getConsoleSession }))
const getCallerIdentity = vi.fn()
vi.mock('@/lib/aws/sts-identity', () => ({ getCallerIdentity }))
const whoAmI = vi.fn()
vi.mock('@/lib/k8s/kube-reviews', () => ({ whoAmI }))

const { GET } = await import('./route')
const { ConsoleError } = await import('@/lib/api/console-error')

const viewer: Session = { expires: '2099-01-01T00:00:00Z', user: { name: 'v', email: null, role: 'viewer' } }
const aws = { arn: 'arn:aws:iam::111122223333:user/admin', account: '111122223333', userId: 'AIDAEXAMPLE' }
const get = () =>
  GET(new Request('http://console.test/api/clusters/us-west-2/prod-web/console-identity'), {
    params: Promise.resolve({ region: 'us-west-2', cluster: 'prod-web' }),
  })

beforeEach(() => {
  getConsoleSession.mockReset().mockResolvedValue(viewer)
  getCallerIdentity.mockReset().mockResolvedValue(aws)
  whoAmI.mockReset()
})

describe('GET /api/clusters/:region/:cluster/console-identity', () => {
  it('returns the AWS principal and the Kubernetes user it maps to', async () => {
    whoAmI.mockResolvedValue({ username: 'admin', uid: 'u', groups: ['system:masters'], extra: {} })
    expect(await (await get()).json()).toEqual({
      aws,
      kubernetes: { ok: true, username: 'admin', uid: 'u', groups: ['system:masters'] },
    })
    expect(whoAmI).toHaveBeenCalledWith({ region: 'us-west-2', name: 'prod-web' })
  })

  it('reports a cluster that refuses the console as an answer, not an error', async () => {
    whoAmI.mockRejectedValue(new ConsoleError('kubernetes_unauthorized', "did not accept the console's credentials"))
    const response = await get()
    expect(response.status).toBe(200)
    expect((await response.json()).kubernetes).toEqual({
      ok: false,
      code: 'kubernetes_unauthorized',
      message: "did not accept the console's credentials",
    })
  })

  it('fails when AWS rejects the console’s own credentials', async () => {
    getCallerIdentity.mockRejectedValue(new ConsoleError('aws_credentials_rejected', 'rejected'))
    whoAmI.mockResolvedValue({ username: 'admin', uid: null, groups: [], extra: {} })
    expect((await get()).status).toBe(502)
  })
})
