import type { Session } from 'next-auth'
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const getConsoleSession = vi.fn<() => Promise<Session | null>>()
vi.mock('@/lib/auth/server/session', () => ({ getConsoleSession }))
const generateKubeconfig = vi.fn()
vi.mock('@/lib/kubeconfig/server/kubeconfig-service', () => ({ generateKubeconfig }))

const { GET } = await import('./route')
const { ConsoleError } = await import('@/lib/api/console-error')

const viewer: Session = { expires: '2099-01-01T00:00:00Z', user: { name: 'v', email: null, role: 'viewer' } }
const generated = {
  yaml: 'apiVersion: v1\n',
  fileName: 'ml-auto-us-west-2.kubeconfig.yaml',
  contextName: 'x',
  command: 'aws',
}
const get = (query: string) =>
  GET(new Request(`http://console.test/api/clusters/us-west-2/ml-auto/kubeconfig${query}`), {
    params: Promise.resolve({ region: 'us-west-2', cluster: 'ml-auto' }),
  })

beforeEach(() => {
  getConsoleSession.mockReset().mockResolvedValue(viewer)
  generateKubeconfig.mockReset().mockResolvedValue(generated)
})

describe('GET /api/clusters/:region/:cluster/kubeconfig', () => {
  it('lets a viewer have the JSON preview with the parsed options', async () => {
    const response = await get('?roleArn=arn:aws:iam::111122223333:role/dev&alias=ml')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(generated)
    expect(generateKubeconfig).toHaveBeenCalledWith(
      { region: 'us-west-2', name: 'ml-auto' },
      { roleArn: 'arn:aws:iam::111122223333:role/dev', profile: '', alias: 'ml', userAlias: '' },
    )
  })

  it('answers download=1 with the file as an attachment', async () => {
    const response = await get('?download=1')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="ml-auto-us-west-2.kubeconfig.yaml"')
    expect(response.headers.get('content-type')).toMatch(/^application\/yaml/)
    expect(await response.text()).toBe('apiVersion: v1\n')
  })

  it('rejects a bad role ARN with 422 on the field, before calling AWS', async () => {
    const response = await get('?roleArn=dev')
    expect(response.status).toBe(422)
    expect((await response.json()).error.issues[0].path).toEqual(['roleArn'])
    expect(generateKubeconfig).not.toHaveBeenCalled()
  })

  it('passes the CLI’s refusal for a cluster that is not ACTIVE', async () => {
    generateKubeconfig.mockRejectedValue(new ConsoleError('conflict', 'Cluster status is CREATING: …'))
    const response = await get('')
    expect(response.status).toBe(409)
    expect((await response.json()).error.message).toMatch(/^Cluster status is CREATING/)
  })
})
