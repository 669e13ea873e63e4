import { beforeAll, describe, expect, it, vi } from 'vitest'

import {
  callRoute,
  getConsoleSession,
  policyArn,
  roleArn,
  sessionFor,
  setUpConsoleAccessSandbox,
} from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('./console-session-mock'))

// Next decodes each path segment once before the route sees its params: `…/access-entries/arn%3Aaws…` arrives as
// `arn:aws…`. A URL encoded twice (`arn%253Aaws…`) arrives as `arn%3Aaws…` and must not reach the entry.
setUpConsoleAccessSandbox({ role: 'viewer' })
let one: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/route')
let policy: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/policies/[policy]/route')

const prod = { region: 'us-west-2', cluster: 'prod-web' }
const principal = roleArn('TeamADeveloper')

beforeAll(async () => {
  one = await import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/route')
  policy = await import('@/app/api/clusters/[region]/[cluster]/access-entries/[principal]/policies/[policy]/route')
})

describe('route params are decoded once, by Next', () => {
  it('the ARN as Next hands it over reaches the entry', async () => {
    const { status, body } = await callRoute(one.GET, { ...prod, principal })
    expect(status).toBe(200)
    expect(body.principalArn).toBe(principal)
  })

  it.each([
    { what: 'encoded twice', principal: encodeURIComponent(principal) },
    { what: 'encoded three times', principal: encodeURIComponent(encodeURIComponent(principal)) },
    { what: 'not an ARN', principal: 'TeamADeveloper' },
  ])('a principal $what answers 422 and does not reach the entry', async ({ principal }) => {
    const { status, body } = await callRoute(one.GET, { ...prod, principal })
    expect(status).toBe(422)
    expect(body.error.issues[0].path).toEqual(['principal'])
  })

  it('a policy ARN encoded twice answers 422 before the disassociation', async () => {
    getConsoleSession.mockResolvedValue(sessionFor('editor'))
    const { status } = await callRoute(
      policy.DELETE,
      { ...prod, principal, policy: encodeURIComponent(policyArn('AmazonEKSViewPolicy')) },
      { method: 'DELETE' },
    )
    expect(status).toBe(422)
  })
})
