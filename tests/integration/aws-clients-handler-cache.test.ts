// The console's SDK clients resolve a command's middleware stack once and share that handler among concurrent calls
// (cacheMiddleware, docs/decisions/0005-sdk-handler-cache.md). Through the real EKS client against the sandbox: the
// stack is resolved once for many calls, and calls in flight together for different entries each get their own answer.
import { DescribeAccessEntryCommand, ListAssociatedAccessPoliciesCommand } from '@aws-sdk/client-eks'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { setUpConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))

setUpConsoleAccessSandbox()
let accessEntries: typeof import('@/lib/aws/access-entries')
const target = { region: 'us-west-2', cluster: 'prod-web' }
const resolves = [DescribeAccessEntryCommand, ListAssociatedAccessPoliciesCommand].map((command) =>
  vi.spyOn(command.prototype, 'resolveMiddleware'),
)

beforeAll(async () => {
  accessEntries = await import('@/lib/aws/access-entries')
})
afterAll(() => resolves.forEach((spy) => spy.mockRestore()))

describe("the console's EKS client", () => {
  it('resolves each command once, and concurrent calls for different entries get their own answers', async () => {
    const arns = await accessEntries.listAccessEntryArns(target)
    expect(arns.length).toBeGreaterThan(3)
    // One at a time first: what each entry is.
    const expected = new Map<string, unknown>()
    for (const principalArn of arns) {
      expected.set(principalArn, await accessEntries.describeAccessEntry({ ...target, principalArn }))
    }
    // Then every entry ten times over, all in flight at once, interleaved.
    const rounds = Array.from({ length: 10 }, () => arns).flat()
    const answers = await Promise.all(
      rounds.map((principalArn) => accessEntries.describeAccessEntry({ ...target, principalArn })),
    )
    answers.forEach((answer, i) => expect(answer).toEqual(expected.get(rounds[i]!)))
    expect(resolves.map((spy) => spy.mock.calls.length)).toEqual([1, 1])
  })
})
