import type { Session } from 'next-auth'
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const getConsoleSession = vi.fn<() => Promise<Session | null>>()
vi.mock('@/lib/auth/server/session', () => ({ getConsoleSession }))
const grantAccess = vi.fn()
vi.mock('@/lib/access/server/grant-access', () => ({ grantAccess }))
const service = {
  changeAccessEntry: vi.fn(),
  removeAccessEntry: vi.fn(),
  setAccessPolicy: vi.fn(),
  getAccessEntry: vi.fn(),
}
vi.mock('@/lib/access/server/access-entry-service', () => service)

const { POST } = await import('./route')
const entryRoute = await import('./[principal]/route')
const policiesRoute = await import('./[principal]/policies/route')

const editor: Session = { expires: '2099-01-01T00:00:00Z', user: { name: 'e', email: null, role: 'editor' } }

// A small deterministic generator of hostile values: wrong types, reserved prefixes, control characters, huge strings,
// prototype keys, nested junk. Every one must be answered 2xx, 400 or 422 — never 500.
function* hostileValues(): Generator<unknown> {
  const strings = [
    '',
    ' ',
    'system:masters',
    'eks:x',
    'aws:',
    'a{{SessionName}}',
    'x'.repeat(5000),
    '\u0000\n\t',
    '__proto__',
    'arn:',
    'arn:aws:iam::1:role/',
    'arn:aws:iam::111122223333:role/a b',
    '*',
    'Team_A',
    '%E0%A4%A',
    '🙂',
  ]
  yield* strings
  yield* [
    null,
    undefined,
    0,
    -1,
    1e308,
    true,
    [],
    {},
    [null],
    [[]],
    { type: 'namespace' },
    { type: 'cluster', namespaces: ['a'] },
  ]
}

function* hostileBodies(): Generator<unknown> {
  const keys = [
    'principalArn',
    'type',
    'username',
    'kubernetesGroups',
    'accessPolicies',
    'policyArn',
    'accessScope',
    'confirmClusterName',
  ]
  let seed = 7
  const pick = <T>(items: T[]): T => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return items[seed % items.length] as T
  }
  const values = [...hostileValues()]
  yield* values
  for (let i = 0; i < 300; i++) {
    const body: Record<string, unknown> = {}
    for (const key of keys) if (pick([true, false])) body[key] = pick(values)
    if (pick([true, false])) body.kubernetesGroups = [pick(values), pick(values)]
    if (pick([true, false]))
      body.accessPolicies = [
        {
          policyArn: pick(values),
          accessScope: { type: pick(['cluster', 'namespace', 'x']), namespaces: [pick(values)] },
        },
      ]
    if (pick([true, false])) body.accessScope = { type: pick(['cluster', 'namespace']), namespaces: [pick(values)] }
    yield body
  }
}

// Each route declares its own params type; the test only needs to call it with a request and params.
type AnyRouteHandler = (req: Request, context: { params: Promise<never> }) => Promise<Response>

const send = (handler: AnyRouteHandler, body: unknown, params: Record<string, string>, method = 'POST') =>
  handler(
    new Request('http://console.test/api/x', {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    }),
    { params: Promise.resolve(params) } as never,
  )

beforeEach(() => {
  getConsoleSession.mockReset().mockResolvedValue(editor)
  grantAccess.mockReset().mockResolvedValue({ principalArn: 'x', complete: true, steps: [], entry: null })
  for (const fn of Object.values(service)) fn.mockReset().mockResolvedValue({})
})

describe('access-entry write routes under generated bad input', () => {
  const cluster = { region: 'us-west-2', cluster: 'prod-web' }
  // Next decodes the path segment once before the route sees it.
  const entry = { ...cluster, principal: 'arn:aws:iam::111122223333:role/dev/x' }

  it('never answer 500 for a grant', async () => {
    for (const body of hostileBodies()) {
      const status = (await send(POST, body, cluster)).status
      expect([201, 400, 422], JSON.stringify(body)?.slice(0, 200)).toContain(status)
    }
  })

  it('never answer 500 for an update, a delete or an association', async () => {
    for (const body of hostileBodies()) {
      expect([200, 400, 422]).toContain((await send(entryRoute.PATCH, body, entry, 'PATCH')).status)
      expect([200, 400, 422]).toContain((await send(entryRoute.DELETE, body, entry, 'DELETE')).status)
      expect([200, 400, 422]).toContain((await send(policiesRoute.POST, body, entry)).status)
    }
  })

  it('takes the principal ARN as Next decoded it, and never decodes it again', async () => {
    const twice = { ...cluster, principal: encodeURIComponent(entry.principal) }
    expect((await send(entryRoute.DELETE, undefined, twice, 'DELETE')).status).toBe(422)
    expect(service.removeAccessEntry).not.toHaveBeenCalled()
    await send(entryRoute.DELETE, undefined, entry, 'DELETE')
    expect(service.removeAccessEntry).toHaveBeenCalledWith(
      { region: 'us-west-2', cluster: 'prod-web', principalArn: 'arn:aws:iam::111122223333:role/dev/x' },
      {},
      editor.user,
      { kind: 'absent' },
    )
  })

  it('rejects a malformed encoding in the path with 422', async () => {
    expect((await send(entryRoute.DELETE, undefined, { ...cluster, principal: '%E0%A4%A' }, 'DELETE')).status).toBe(422)
  })
})
