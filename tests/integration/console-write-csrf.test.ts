import { beforeAll, describe, expect, it, vi } from 'vitest'

import { callRoute, policyArn, roleArn, setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

// The review's attack: a page on another port of the same host (same site, so the Lax session cookie goes along)
// sends the grant as text/plain, which needs no CORS preflight. It used to answer 201 with cluster-admin granted.
setUpConsoleAccessSandbox({ role: 'editor' })
let list: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
let one: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/route')

const prod = { region: 'us-west-2', cluster: 'prod-web' }
const principalArn = roleArn('billing-irsa')
const grant = JSON.stringify({
  principalArn,
  accessPolicies: [{ policyArn: policyArn('AmazonEKSClusterAdminPolicy'), accessScope: { type: 'cluster' } }],
})
const post = (headers: Record<string, string>, body = grant) =>
  list.POST(
    new Request('http://localhost:3300/api/clusters/us-west-2/prod-web/access-entries', {
      method: 'POST',
      headers: { host: 'localhost:3300', ...headers },
      body,
    }),
    { params: Promise.resolve(prod) },
  )

beforeAll(async () => {
  list = await import('@/app/api/clusters/[region]/[cluster]/access-entries/route')
  one = await import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/route')
})

describe('a cross-site grant of cluster-admin', () => {
  it.each([
    {
      what: 'text/plain from a page on another port',
      status: 403,
      headers: { origin: 'http://localhost:3301', 'content-type': 'text/plain' },
    },
    {
      what: 'JSON from a sibling subdomain',
      status: 403,
      headers: { origin: 'http://evil.localhost:3300', 'content-type': 'application/json' },
    },
    {
      what: 'no-cors without Origin, marked same-site',
      status: 403,
      headers: { 'sec-fetch-site': 'same-site', 'content-type': 'text/plain' },
    },
    { what: 'an opaque origin', status: 403, headers: { origin: 'null', 'content-type': 'application/json' } },
    {
      what: 'text/plain from the console itself',
      status: 415,
      headers: { origin: 'http://localhost:3300', 'content-type': 'text/plain;charset=UTF-8' },
    },
    {
      what: 'a form body',
      status: 415,
      headers: { origin: 'http://localhost:3300', 'content-type': 'application/x-www-form-urlencoded' },
    },
    { what: 'a body without content type', status: 415, headers: { 'sec-fetch-site': 'same-origin' } },
  ] as { what: string; status: number; headers: Record<string, string> }[])(
    '$what → $status, and nothing is granted',
    async ({ headers, status }) => {
      const response = await post(headers)
      expect(response.status).toBe(status)
      expect((await response.json()).error.code).toBe(status === 403 ? 'forbidden' : 'unsupported_media_type')
      const entry = await callRoute(one.GET, { ...prod, principal: principalArn })
      expect(entry.status).toBe(404)
    },
  )

  it('the console page itself (same origin, JSON) still grants: 201', async () => {
    const response = await post({ origin: 'http://localhost:3300', 'content-type': 'application/json' })
    expect(response.status).toBe(201)
    const entry = await callRoute(one.GET, { ...prod, principal: principalArn })
    expect(entry.status).toBe(200)
  })
})
