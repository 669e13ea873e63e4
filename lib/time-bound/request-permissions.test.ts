import { describe, expect, it } from 'vitest'

import type { ConsoleRole } from '@/lib/auth/console-role'

import { accessRequestDecisionSchema, createAccessRequestSchema } from './access-request-schema'
import { timeBoundSettingsSchema } from './grant-duration'
import { decisionRight } from './request-permissions'

const now = new Date('2026-12-03T10:00:00Z')
const pending = { requestedBy: 'viewer', status: 'pending' as const, expiresAt: new Date('2026-12-03T11:00:00Z') }
const person = (role: ConsoleRole, name: string = role) => ({ name, role })

describe('decisionRight', () => {
  it.each([
    ['an admin, any cluster', person('admin'), pending, false, { allowed: true }],
    ['an editor where admins allowed editors', person('editor'), pending, true, { allowed: true }],
    [
      'an editor where they did not',
      person('editor'),
      pending,
      false,
      { allowed: false, kind: 'forbidden', reason: expect.stringMatching(/only admins decide/) },
    ],
    [
      'a viewer, even where editors may',
      person('viewer', 'other'),
      pending,
      true,
      { allowed: false, kind: 'forbidden', reason: expect.stringMatching(/^Only admins/) },
    ],
    [
      'an admin deciding their own request',
      person('admin', 'viewer'),
      pending,
      false,
      { allowed: false, kind: 'forbidden', reason: expect.stringMatching(/your own request/) },
    ],
    [
      'an editor deciding their own request',
      person('editor', 'viewer'),
      pending,
      true,
      { allowed: false, kind: 'forbidden', reason: expect.stringMatching(/your own request/) },
    ],
    [
      'a request already approved',
      person('admin'),
      { ...pending, status: 'approved' as const },
      false,
      { allowed: false, kind: 'conflict', reason: 'This request was already approved.' },
    ],
    [
      'a request already denied',
      person('admin'),
      { ...pending, status: 'denied' as const },
      false,
      { allowed: false, kind: 'conflict', reason: 'This request was already denied.' },
    ],
    [
      'a request expiring right now',
      person('admin'),
      { ...pending, expiresAt: now },
      false,
      { allowed: false, kind: 'conflict', reason: expect.stringMatching(/expired/) },
    ],
    [
      'a request expiring a millisecond later',
      person('admin'),
      { ...pending, expiresAt: new Date(now.getTime() + 1) },
      false,
      { allowed: true },
    ],
  ])('%s', (_, who, request, editorsMayApprove, expected) => {
    expect(decisionRight(who, request, { editorsMayApprove }, now)).toEqual(expected)
  })
})

describe('access request schemas', () => {
  const ask = {
    principalArn: 'arn:aws:iam::111122223333:role/orders',
    policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
    accessScope: { type: 'namespace', namespaces: ['orders'] },
    duration: { kind: 'preset', preset: '4h' },
    reason: 'Debugging the orders rollout.',
  }
  const issuePaths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
    (result.error?.issues ?? []).map((i) => i.path.join('.'))

  it.each([
    ['a complete request', ask, []],
    ['a permanent one', { ...ask, duration: { kind: 'permanent' } }, ['duration']],
    ['a short reason', { ...ask, reason: 'because' }, ['reason']],
    ['no policy', { ...ask, policyArn: '' }, ['policyArn']],
    [
      'a namespace scope without namespaces',
      { ...ask, accessScope: { type: 'namespace', namespaces: [] } },
      ['accessScope'],
    ],
  ])('request: %s', (_, input, paths) => {
    const result = createAccessRequestSchema.safeParse(input)
    expect(issuePaths(result).map((p) => p.split('.')[0])).toEqual(paths)
  })

  it.each([
    ['an approval without comment', { decision: 'approve' }, []],
    ['a denial without comment', { decision: 'deny' }, ['comment']],
    ['a denial with a blank comment', { decision: 'deny', comment: '   ' }, ['comment']],
    ['a denial with a comment', { decision: 'deny', comment: 'Use the read-only role.' }, []],
    ['neither', { decision: 'maybe' }, ['decision']],
  ])('decision: %s', (_, input, paths) => {
    expect(issuePaths(accessRequestDecisionSchema.safeParse(input))).toEqual(paths)
  })

  it.each([
    ['an hour, editors allowed', { maxSeconds: 3600, editorsMayApprove: true }, []],
    ['without the editors choice', { maxSeconds: 3600 }, ['editorsMayApprove']],
    ['under a minute', { maxSeconds: 59, editorsMayApprove: false }, ['maxSeconds']],
    ['over 90 days', { maxSeconds: 90 * 86_400 + 1, editorsMayApprove: false }, ['maxSeconds']],
    ['a fraction', { maxSeconds: 3600.5, editorsMayApprove: false }, ['maxSeconds']],
  ])('settings: %s', (_, input, paths) => {
    expect(issuePaths(timeBoundSettingsSchema.safeParse(input))).toEqual(paths)
  })
})
