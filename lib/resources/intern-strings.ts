// JSON.parse makes a new string for every occurrence, so 100,000 Pod rows would hold 100,000 copies of each
// namespace, node, status and service-account name. Sharing one copy per distinct value keeps a fully scrolled list
// well inside the browser heap budget.
const pool = new Map<string, string>()
// Distinct values are few (namespaces, nodes, statuses); a bound keeps a pathological list from growing the pool.
const MAX_POOL = 50_000

function intern(value: string): string {
  const known = pool.get(value)
  if (known !== undefined) return known
  if (pool.size < MAX_POOL) pool.set(value, value)
  return value
}

/** Replaces the given string fields of each row, in place, with one shared copy per distinct value. */
export function internRowStrings<T extends object>(rows: T[], keys: readonly (keyof T)[]): T[] {
  for (const row of rows) {
    const record = row as Record<keyof T, unknown>
    for (const key of keys) {
      const value = record[key]
      if (typeof value === 'string') record[key] = intern(value)
    }
  }
  return rows
}
