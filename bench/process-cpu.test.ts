import { describe, expect, it } from 'vitest'

import { cpuSecondsByTree, parseProcStat, type ProcStat } from './process-cpu'

describe('parseProcStat', () => {
  it('reads pid, ppid and utime + stime, with spaces and parentheses in the command name', () => {
    const line =
      '4242 (Chrome_ChildIOT (x)) S 4200 4200 4200 0 -1 4194560 1234 0 0 0 150 37 0 0 20 0 12 0 4567 123456 789 ' +
      '18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0'
    expect(parseProcStat(line)).toEqual({ pid: 4242, ppid: 4200, cpuTicks: 187 })
  })
})

describe('cpuSecondsByTree', () => {
  // 1 (init) → 10 (the bench) → 20 (console) → 21 (its worker); 10 → 30 (sandbox launcher) → 31 (sandbox);
  // 10 → 40 (Chromium) → 41 (renderer); 1 → 50 (someone else's process).
  const table: ProcStat[] = [
    { pid: 1, ppid: 0, cpuTicks: 5 },
    { pid: 10, ppid: 1, cpuTicks: 1000 },
    { pid: 20, ppid: 10, cpuTicks: 300 },
    { pid: 21, ppid: 20, cpuTicks: 50 },
    { pid: 30, ppid: 10, cpuTicks: 2 },
    { pid: 31, ppid: 30, cpuTicks: 180 },
    { pid: 40, ppid: 10, cpuTicks: 20 },
    { pid: 41, ppid: 40, cpuTicks: 140 },
    { pid: 50, ppid: 1, cpuTicks: 9999 },
  ]

  it('adds each root tree, puts the bench’s other children in rest, and leaves out the bench and strangers', () => {
    const seconds = cpuSecondsByTree(table, { console: 20, sandbox: 30 }, 10, 100)
    expect(seconds.console).toBeCloseTo(3.5)
    expect(seconds.sandbox).toBeCloseTo(1.82)
    expect(seconds.rest).toBeCloseTo(1.6)
  })
})
