import { describe, expect, it } from 'vitest'

import { summarizeRuns } from './summarize-runs'

describe('summarizeRuns', () => {
  it('gives each label its min, lower-middle median and max, keeping the first run order and the target', () => {
    const runs = [
      [
        { label: 'b', value: 3, unit: 'ms' as const, target: 5 },
        { label: 'a', value: 10, unit: 'kB' as const },
      ],
      [
        { label: 'b', value: 7, unit: 'ms' as const, target: 5 },
        { label: 'a', value: 30, unit: 'kB' as const },
      ],
      [
        { label: 'b', value: 1, unit: 'ms' as const, target: 5 },
        { label: 'a', value: 20, unit: 'kB' as const },
      ],
    ]
    expect(summarizeRuns(runs)).toEqual([
      { label: 'b', unit: 'ms', target: 5, min: 1, median: 3, max: 7, runs: 3 },
      { label: 'a', unit: 'kB', min: 10, median: 20, max: 30, runs: 3 },
    ])
  })

  it('takes the lower middle of an even number of runs', () => {
    const runs = [4, 1, 3, 2].map((value) => [{ label: 'x', value, unit: 'ms' as const }])
    expect(summarizeRuns(runs)[0]).toMatchObject({ min: 1, median: 2, max: 4, runs: 4 })
  })
})
