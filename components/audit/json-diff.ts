/** One line of a before/after comparison. */
export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string }

// Past this many lines per side the quadratic table would cost more than it shows; compare as two blocks instead.
const MAX_LINES = 400

/** Pretty JSON with sorted object keys, so reordered keys are not reported as changes. */
export function toStableJson(value: unknown): string {
  return (
    JSON.stringify(
      value,
      (_key, v: unknown) =>
        v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
          : v,
      2,
    ) ?? 'undefined'
  )
}

/**
 * A line diff (longest common subsequence) of the pretty JSON of `before` and `after`. `undefined` on one side means
 * "not recorded", and the other side is shown unchanged rather than as all added or removed.
 */
export function diffJson(before: unknown, after: unknown): DiffLine[] {
  if (before === undefined && after === undefined) return []
  if (before === undefined)
    return toStableJson(after)
      .split('\n')
      .map((text) => ({ kind: 'same', text }))
  if (after === undefined)
    return toStableJson(before)
      .split('\n')
      .map((text) => ({ kind: 'same', text }))
  const a = before === null ? [] : toStableJson(before).split('\n')
  const b = after === null ? [] : toStableJson(after).split('\n')
  if (a.length > MAX_LINES || b.length > MAX_LINES) {
    return [
      ...a.map((text) => ({ kind: 'removed' as const, text })),
      ...b.map((text) => ({ kind: 'added' as const, text })),
    ]
  }
  // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..]
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
    }
  }
  const lines: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ kind: 'same', text: a[i]! })
      i++
      j++
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      lines.push({ kind: 'removed', text: a[i++]! })
    } else {
      lines.push({ kind: 'added', text: b[j++]! })
    }
  }
  while (i < a.length) lines.push({ kind: 'removed', text: a[i++]! })
  while (j < b.length) lines.push({ kind: 'added', text: b[j++]! })
  return lines
}
