// Kubernetes resource quantities (k8s.io/apimachinery resource.Quantity): "3930m", "4", "15896552Ki", "16Gi", "1e3".
const binary: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 }
const decimal: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
}

/** Parses a quantity to a plain number (CPU in cores, memory in bytes); null when absent or malformed. */
export function parseQuantity(value: string | undefined): number | null {
  if (!value) return null
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/.exec(value.trim())
  if (!m) return null
  const n = Number(m[1])
  const suffix = m[2] ?? ''
  const factor = binary[suffix] ?? decimal[suffix]
  return Number.isFinite(n) && factor !== undefined ? n * factor : null
}

/** "3.93" cores, trimmed. */
export function formatCpu(cores: number | null): string {
  if (cores === null) return '—'
  return Number.isInteger(cores) ? String(cores) : cores.toFixed(2).replace(/0+$/, '')
}

/** "15.2 GiB" */
export function formatMemory(bytes: number | null): string {
  if (bytes === null) return '—'
  const gib = bytes / 2 ** 30
  return gib >= 1 ? `${gib.toFixed(1)} GiB` : `${Math.round(bytes / 2 ** 20)} MiB`
}
