import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

import { buildConformanceRows, selectSmokeRows } from './conformance-rows'
import type { ConformanceRow } from './conformance-types'
import { buildSandboxTarget } from './main'
import { formatConformanceTable, runConformance } from './run-conformance'

let t: TestSandbox

beforeAll(async () => {
  t = await startTestSandbox()
})
afterAll(async () => {
  await t.stop()
})

describe('npm run sandbox:conformance', () => {
  // The full table (~50 rows, each a CLI process) is `npm run sandbox:conformance`; the suite runs its smoke subset
  // (~30 processes: about 20 s on an idle machine, over two minutes on a 2-core one under a load of 20).
  it('passes the smoke rows against a fresh sandbox', { timeout: 300_000 }, async () => {
    const target = buildSandboxTarget(t.url)
    const results = await runConformance(target, selectSmokeRows(buildConformanceRows(target.account)))
    const table = formatConformanceTable(results)
    expect(
      results.filter((r) => r.status !== 'pass'),
      table,
    ).toEqual([])
    expect(new Set(results.map((r) => r.row.area)).size).toBeGreaterThanOrEqual(10)
  })

  it('reports a row whose expectation the sandbox does not meet as a failure', async () => {
    const wrong: ConformanceRow = {
      area: 'self-check',
      title: 'a cluster that does not exist is not a success',
      tool: 'aws',
      as: 'admin',
      args: ['eks', 'describe-cluster', '--region', '{region}', '--name', 'no-such-cluster'],
      expect: { exit: 0 },
    }
    const [result] = await runConformance(buildSandboxTarget(t.url), [wrong])
    expect(result).toMatchObject({ status: 'fail', detail: expect.stringContaining('ResourceNotFoundException') })
    expect(formatConformanceTable(result ? [result] : [])).toContain('0 passed, 1 failed, 0 skipped')
  })
})
