/** One measured figure, printed with its target so a reader sees at once whether it holds. */
export interface BenchFigure {
  label: string
  value: number
  unit: 'ms' | 's' | 'MB' | 'kB' | 'ratio' | 'count'
  /** Upper bound the figure should stay under; omitted for figures that are context, not targets. */
  target?: number
}

export interface Benchmark {
  name: string
  run(): Promise<BenchFigure[]>
}
