/** One Query-protocol request's parameters (form body merged over the URL query), with AWS list/map decoding. */
export interface QueryParams {
  /** A scalar parameter, or undefined when absent. */
  get(name: string): string | undefined
  /**
   * A list sent as `Name.member.1`, `Name.member.2`, …; `[]` when sent as empty (`Name=`, how the SDK serialises an
   * empty list); undefined when absent.
   */
  getList(name: string): string[] | undefined
  /** `Name.member.N.Key` / `Name.member.N.Value` pairs (IAM Tags); undefined when absent. */
  getTags(name: string): { Key: string; Value: string }[] | undefined
  /** Every parameter name, for diagnostics. */
  names(): string[]
}

/**
 * Parses a Query request. The JS SDK encodes with extendedEncodeURIComponent (`+` → `%2B`, space → `%20`) while
 * botocore form-encodes (space → `+`); URLSearchParams decodes both correctly.
 */
export function parseQueryParams(body: string, query?: URLSearchParams): QueryParams {
  const values = new Map<string, string>()
  for (const [k, v] of query ?? []) values.set(k, v)
  for (const [k, v] of new URLSearchParams(body)) values.set(k, v)

  const collectIndexed = (prefix: string): Map<number, string> => {
    const out = new Map<number, string>()
    for (const key of values.keys()) {
      if (!key.startsWith(prefix)) continue
      const rest = key.slice(prefix.length)
      const index = Number(rest.split('.')[0])
      if (Number.isInteger(index) && index > 0) out.set(index, rest)
    }
    return out
  }

  return {
    get: (name) => values.get(name),
    getList(name) {
      const indexed = collectIndexed(`${name}.member.`)
      if (indexed.size === 0) return values.has(name) ? [] : undefined
      return [...indexed.keys()]
        .filter((i) => indexed.get(i) === String(i))
        .sort((a, b) => a - b)
        .map((i) => values.get(`${name}.member.${i}`) ?? '')
    },
    getTags(name) {
      const indexed = collectIndexed(`${name}.member.`)
      if (indexed.size === 0) return values.has(name) ? [] : undefined
      const indexes = [...new Set(indexed.keys())].sort((a, b) => a - b)
      return indexes.map((i) => ({
        Key: values.get(`${name}.member.${i}.Key`) ?? '',
        Value: values.get(`${name}.member.${i}.Value`) ?? '',
      }))
    },
    names: () => [...values.keys()],
  }
}
