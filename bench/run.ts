// `npm run bench`: runs every benchmark and prints its figures against their targets. Not a test: figures vary with
// the machine, so nothing here fails the build; the README's performance section records what we measured.
import type { BenchFigure, Benchmark } from './bench-types'

const benchmarkModules: Array<() => Promise<{ benchmark: Benchmark }>> = [
  () => import('./access-page'),
  () => import('./browse-pods'),
  () => import('./aws-auth-migration'),
  () => import('./time-bound-revocations'),
]

function formatFigure(f: BenchFigure): string {
  const value = f.unit === 'ratio' ? f.value.toFixed(2) : f.value.toFixed(f.value < 10 ? 2 : 0)
  const target =
    f.target === undefined ? '' : `  (target ≤ ${f.target} ${f.unit}: ${f.value <= f.target ? 'met' : 'MISSED'})`
  return `  ${f.label.padEnd(58)} ${value.padStart(9)} ${f.unit}${target}`
}

async function main(): Promise<void> {
  const only = process.argv.slice(2)
  for (const load of benchmarkModules) {
    const { benchmark } = await load()
    if (only.length > 0 && !only.some((name) => benchmark.name.includes(name))) continue
    console.log(`\n${benchmark.name}`)
    for (const figure of await benchmark.run()) console.log(formatFigure(figure))
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
