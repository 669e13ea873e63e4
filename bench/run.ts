// `npm run bench`: runs every benchmark several times (3 unless `--runs N`), each run in a process of its own, and
// prints each figure's min, median and max against its target. A target holds only when every run meets it: a figure
// met on one run and missed on the next is not met. Not a test: figures vary with the machine, so nothing here fails
// the build; the README's performance section records what we measured, where and how many runs.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { BenchFigure } from './bench-types'
import { benchmarkModules } from './benchmark-modules'
import { summarizeRuns, type FigureSummary } from './summarize-runs'

// The benchmarks call the SDK in their own processes; its Node 20 notice would bury the figures.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

function parseArgs(argv: string[]): { runs: number; only: string[] } {
  const at = argv.indexOf('--runs')
  const runs = at === -1 ? 3 : Number(argv[at + 1])
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of runs, at least 1.')
  return { runs, only: at === -1 ? argv : argv.filter((_, i) => i !== at && i !== at + 1) }
}

function formatNumber(value: number, unit: BenchFigure['unit']): string {
  return unit === 'ratio' ? value.toFixed(2) : value.toFixed(value < 10 ? 2 : 0)
}

function formatSummary(f: FigureSummary): string {
  const range = [f.min, f.median, f.max].map((v) => formatNumber(v, f.unit)).join(' / ')
  const verdict =
    f.target === undefined
      ? ''
      : `  (target ≤ ${f.target} ${f.unit}: ${f.max <= f.target ? 'met in every run' : 'MISSED'})`
  return `  ${f.label.padEnd(58)} ${range.padStart(24)} ${f.unit}${verdict}`
}

/** One run of benchmark `index` in a fresh process (bench/run-one.ts says why); its figures. */
function runInOwnProcess(index: number): BenchFigure[] {
  const dir = mkdtempSync(join(tmpdir(), 'bench-run-'))
  try {
    const resultFile = join(dir, 'figures.json')
    const child = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), 'bench/run-one.ts', String(index), resultFile],
      {
        stdio: 'inherit',
      },
    )
    if (child.status !== 0) throw new Error(`benchmark run failed (exit ${child.status}); see above.`)
    return JSON.parse(readFileSync(resultFile, 'utf8')) as BenchFigure[]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const { runs, only } = parseArgs(process.argv.slice(2))
  console.log(`${runs} run(s) of each benchmark; figures are min / median / max.`)
  for (const [index, load] of benchmarkModules.entries()) {
    const { benchmark } = await load()
    if (only.length > 0 && !only.some((name) => benchmark.name.includes(name))) continue
    console.log(`\n${benchmark.name}`)
    const results: BenchFigure[][] = []
    for (let i = 0; i < runs; i++) results.push(runInOwnProcess(index))
    for (const summary of summarizeRuns(results)) console.log(formatSummary(summary))
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
