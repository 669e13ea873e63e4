import { beforeEach, describe, expect, it, vi } from 'vitest'

import { ConsoleError } from '@/lib/api/console-error'

vi.mock('server-only', () => ({}))
const recorded = vi.hoisted(() => [] as Array<Record<string, unknown>>)
vi.mock('./record-audit-event', () => ({
  recordAuditEvent: async (event: Record<string, unknown>) => {
    recorded.push(event)
  },
}))
const { auditErrorMessage, auditedWrite } = await import('./audited-write')

const actor = { name: 'ed', role: 'editor' as const, email: null }
const event = { actor, action: 'pod-identity-association.create', target: 'team-a/web' }

beforeEach(() => {
  recorded.length = 0
})

describe('auditErrorMessage', () => {
  it.each([
    [
      'a ConsoleError: its message, written for people',
      new ConsoleError('conflict', 'The entry changed.'),
      'The entry changed.',
    ],
    [
      'a raw Error: never its text',
      new Error('connect ECONNREFUSED 10.0.0.1:443 (secret-host)'),
      'The request failed (the server log has the details).',
    ],
    ['a thrown string', 'token=abc', 'The request failed (the server log has the details).'],
    ['nothing thrown', undefined, undefined],
  ])('%s', (_label, error, expected) => {
    expect(auditErrorMessage(error)).toBe(expected)
  })
})

describe('auditedWrite', () => {
  it('records a success with the after state computed from the result', async () => {
    await expect(
      auditedWrite(
        event,
        async () => ({ id: 'a-1' }),
        (r) => ({ associationId: r.id }),
      ),
    ).resolves.toEqual({
      id: 'a-1',
    })
    expect(recorded).toEqual([
      {
        actor: { name: 'ed', role: 'editor' },
        action: 'pod-identity-association.create',
        target: 'team-a/web',
        before: undefined,
        after: { associationId: 'a-1' },
        result: 'succeeded',
      },
    ])
  })

  it("records a ConsoleError's message and rethrows the error", async () => {
    const error = new ConsoleError('validation_failed', 'The role must trust pods.eks.amazonaws.com.')
    await expect(auditedWrite(event, () => Promise.reject(error))).rejects.toBe(error)
    expect(recorded[0]).toMatchObject({ result: 'failed', message: 'The role must trust pods.eks.amazonaws.com.' })
  })

  it("never records a raw error's text (it may carry hosts, tokens or stack details)", async () => {
    const error = new Error('socket hang up at https://10.0.0.1/k8s?token=abc')
    await expect(auditedWrite(event, () => Promise.reject(error))).rejects.toBe(error)
    expect(recorded[0]).toMatchObject({
      result: 'failed',
      message: 'The request failed (the server log has the details).',
    })
    expect(JSON.stringify(recorded)).not.toContain('token=abc')
  })
})
