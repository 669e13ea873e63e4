// A line diff (longest common subsequence) of two small texts — the ConfigMap before and after a change.

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string }

/** The lines of `after` against `before`, in order; O(n·m), fine for a ConfigMap of a few thousand lines. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.replace(/\n$/, '').split('\n')
  const b = after === '' ? [] : after.replace(/\n$/, '').split('\n')
  // Trim the common head and tail first: an edit usually touches a few lines of a long ConfigMap.
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const x = a.slice(head, a.length - tail)
  const y = b.slice(head, b.length - tail)
  const lcs: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0))
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
    }
  }
  const middle: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      middle.push({ kind: 'same', text: x[i]! })
      i++
      j++
    } else if (i < x.length && (j >= y.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      middle.push({ kind: 'removed', text: x[i++]! })
    } else {
      middle.push({ kind: 'added', text: y[j++]! })
    }
  }
  const same = (lines: string[]) => lines.map((text): DiffLine => ({ kind: 'same', text }))
  return [...same(a.slice(0, head)), ...middle, ...same(a.slice(a.length - tail))]
}
