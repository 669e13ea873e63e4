import type { Session } from 'next-auth'
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const getConsoleSession = vi.fn<() => Promise<Session | null>>()
vi.mock('@/lib/auth/server/session', () => ({ getConsoleSession }))
const describeClusterOverview = vi.fn()
vi.mock('@/lib/clusters/server/cluster-overview', () => ({ describeClusterOverview }))

const { GET } = await import('./route')
const { ConsoleError } = await import('@/lib/api/console-error')

const viewer: Session = { expires: '2099-01-01T00:00:00Z', user: { name: 'v', email: null, role: 'viewer' } }
const get = (region: string, cluster: string) =>
  GET(new Request(`http://console.test/api/clusters/${region}/${cluster}`), {
    params: Promise.resolve({ region, cluster }),
  })

beforeEach(() => {
  getConsoleSession.mockReset().mockResolvedValue(viewer)
  describeClusterOverview.mockReset()
})

describe('GET /api/clusters/:region/:cluster', () => {
  it('returns the overview DTO of the named cluster', async () => {
    describeClusterOverview.mockResolvedValue({ name: 'prod-web', region: 'us-west-2' })
    const response = await get('us-west-2', 'prod-web')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ name: 'prod-web', region: 'us-west-2' })
    expect(describeClusterOverview).toHaveBeenCalledWith('us-west-2', 'prod-web')
  })

  it.each([
    { region: 'Oregon', cluster: 'prod-web', path: 'region' },
    { region: 'us-west-2', cluster: '-bad', path: 'cluster' },
  ])('rejects $path $region/$cluster with 422 before calling AWS', async ({ region, cluster, path }) => {
    const response = await get(region, cluster)
    expect(response.status).toBe(422)
    expect((await response.json()).error.issues[0].path).toEqual([path])
    expect(describeClusterOverview).not.toHaveBeenCalled()
  })

  it('answers an unknown cluster with 404 and the service message', async () => {
    describeClusterOverview.mockRejectedValue(new ConsoleError('not_found', 'No cluster named nope in us-west-2.'))
    const response = await get('us-west-2', 'nope')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'No cluster named nope in us-west-2.' },
    })
  })

  it('requires a session', async () => {
    getConsoleSession.mockResolvedValue(null)
    expect((await get('us-west-2', 'prod-web')).status).toBe(401)
  })
})
