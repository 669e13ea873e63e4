// One run of one benchmark in a process of its own (bench/run.ts starts it): the benchmarks that call lib/ in-process
// point the AWS SDK at a sandbox started for that run, and lib/aws keeps its clients (and their endpoint) for the
// life of the process, so a second run in the same process would call the first run's stopped sandbox.
import { writeFileSync } from 'node:fs'

import { benchmarkModules } from './benchmark-modules'

async function main(): Promise<void> {
  const [index, resultFile] = process.argv.slice(2)
  const load = benchmarkModules[Number(index)]
  if (!load || !resultFile) throw new Error('usage: run-one.ts <benchmark index> <result file>')
  const { benchmark } = await load()
  writeFileSync(resultFile, JSON.stringify(await benchmark.run()))
}

main().then(
  // Open handles (a pool, a timer) of the code under test must not keep a finished run alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
