import type { BenchFigure } from './bench-types'

/** One figure over several runs of its benchmark. */
export type FigureSummary = Omit<BenchFigure, 'value'> & { min: number; median: number; max: number; runs: number }

/** Groups the runs' figures by label (in first-run order) and gives each its min, median (lower middle) and max. */
export function summarizeRuns(runs: BenchFigure[][]): FigureSummary[] {
  const byLabel = new Map<string, { figure: BenchFigure; values: number[] }>()
  for (const figure of runs.flat()) {
    const entry = byLabel.get(figure.label) ?? { figure, values: [] }
    entry.values.push(figure.value)
    byLabel.set(figure.label, entry)
  }
  return [...byLabel.values()].map(({ figure, values }) => {
    const sorted = [...values].sort((a, b) => a - b)
    const at = (i: number) => sorted[i] ?? NaN
    const { value: _value, ...rest } = figure
    return {
      ...rest,
      min: at(0),
      median: at(Math.floor((sorted.length - 1) / 2)),
      max: at(sorted.length - 1),
      runs: sorted.length,
    }
  })
}
