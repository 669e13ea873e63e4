// Sandbox start-up (issue 16): time from startSandbox() to a healthy AWS endpoint with every cluster's Kubernetes API
// seeded, and the process's memory once up, for the default world and the 100,000-Pod scale world. Each start runs
// in its own Node process (tsx, as `npm run sandbox` does): a first start on an empty state dir (the CA and keys are
// generated, every cluster built from its seed) and, for the default world, a restart on the state that start saved.
// CPU time (user + system, every thread) is reported next to wall time: on a busy machine the wall time is mostly
// waiting, CPU time is what the start costs.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

import type { BenchFigure, Benchmark } from './bench-types'

const run = promisify(execFile)

interface ChildFigures {
  startMs: number
  cpuMs: number
  /** From the process's start (Node, tsx and module loading included) to healthy. */
  processMs: number
  processCpuMs: number
  rssMb: number
  heapMb: number
  /** Generating the scale cluster's 5,000 nodes and 100,000 Pods (part of startMs; large scale only). */
  largeClusterMs?: number
}

async function startChild(scale: 'default' | 'large', stateDir: string, mode: 'fresh' | 'restart') {
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/sandbox-startup-child.ts', scale, stateDir, mode],
    { timeout: 300_000, maxBuffer: 1 << 20 },
  )
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ChildFigures
}

async function measure(scale: 'default' | 'large', withRestart: boolean) {
  const stateDir = await mkdtemp(join(tmpdir(), 'bench-sandbox-'))
  try {
    const first = await startChild(scale, stateDir, 'fresh')
    const restart = withRestart ? await startChild(scale, stateDir, 'restart') : undefined
    return { first, restart }
  } finally {
    await rm(stateDir, { recursive: true, force: true })
  }
}

const s = (ms: number) => ms / 1000

export const benchmark: Benchmark = {
  name: 'sandbox start-up (own process each)',
  async run(): Promise<BenchFigure[]> {
    const small = await measure('default', true)
    const large = await measure('large', false)
    const restart = small.restart as ChildFigures
    return [
      { label: 'default world, first start: start to healthy', value: s(small.first.startMs), unit: 's', target: 2 },
      { label: 'default world, first start: CPU time', value: s(small.first.cpuMs), unit: 's' },
      { label: 'default world, restart: start to healthy', value: s(restart.startMs), unit: 's', target: 2 },
      { label: 'default world, restart: CPU time', value: s(restart.cpuMs), unit: 's' },
      { label: 'default world, restart: process start to healthy', value: s(restart.processMs), unit: 's' },
      { label: 'default world, restart: CPU time from process start', value: s(restart.processCpuMs), unit: 's' },
      { label: 'default world: resident memory', value: small.first.rssMb, unit: 'MB' },
      { label: 'scale world (100,000 Pods): start to healthy', value: s(large.first.startMs), unit: 's', target: 15 },
      { label: 'scale world: CPU time', value: s(large.first.cpuMs), unit: 's' },
      // Was a timed assertion in the large-cluster test; speed is measured here only.
      {
        label: 'scale world: generating the scale cluster',
        value: s(large.first.largeClusterMs ?? NaN),
        unit: 's',
        target: 10,
      },
      { label: 'scale world: resident memory', value: large.first.rssMb, unit: 'MB', target: 1024 },
      { label: 'scale world: JS heap after GC', value: large.first.heapMb, unit: 'MB' },
    ]
  },
}
