// CPU seconds per process tree, read from /proc (the bench's machine kind is Linux): how much of the machine's CPU a
// measured load took in the console, the sandbox and the browser, threads included. On two cores, half the sum of
// all three is the shortest the load can take, whatever the order of the work.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

export type ProcStat = { pid: number; ppid: number; cpuTicks: number }

/**
 * One /proc/<pid>/stat line. The command name (field 2) is in parentheses and may hold spaces and parentheses itself,
 * so the fields are counted from the last `)`: state, ppid (field 4), …, utime (14) and stime (15).
 */
export function parseProcStat(line: string): ProcStat {
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ')
  return {
    pid: Number(line.slice(0, line.indexOf(' '))),
    ppid: Number(fields[1]),
    cpuTicks: Number(fields[11]) + Number(fields[12]),
  }
}

function readProcessTable(): ProcStat[] {
  const table: ProcStat[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      table.push(parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8')))
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return table
}

let clockTicksPerSecond: number | undefined
const clockTicks = () => (clockTicksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100)

/**
 * CPU seconds so far of each root's process tree (`roots`: name → pid), and of every other process started by `self`
 * (`rest`: the browser Playwright launched); `self` itself is not counted.
 */
export function cpuSecondsByTree(
  table: ProcStat[],
  roots: Record<string, number>,
  self: number,
  ticksPerSecond: number,
): Record<string, number> {
  const byPid = new Map(table.map((p) => [p.pid, p]))
  const rootName = new Map(Object.entries(roots).map(([name, pid]) => [pid, name]))
  const totals: Record<string, number> = Object.fromEntries([...Object.keys(roots), 'rest'].map((name) => [name, 0]))
  for (const proc of table) {
    if (proc.pid === self) continue
    // Up the parent chain to this process: the first root passed owns it; a chain that never reaches it is not ours.
    let owner: string | undefined
    let at: ProcStat | undefined = proc
    while (at && at.pid !== self) {
      owner ??= rootName.get(at.pid)
      at = byPid.get(at.ppid)
    }
    if (at) totals[owner ?? 'rest']! += proc.cpuTicks
  }
  return Object.fromEntries(Object.entries(totals).map(([name, ticks]) => [name, ticks / ticksPerSecond]))
}

/** Reads the CPU seconds of the bench's process trees now; call again and subtract for a load's share. */
export function sampleProcessCpu(roots: Record<string, number>): Record<string, number> {
  return cpuSecondsByTree(readProcessTable(), roots, process.pid, clockTicks())
}
