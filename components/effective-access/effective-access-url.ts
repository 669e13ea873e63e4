// The effective-access page keeps its question in the URL (shareable, back-button friendly): `view` picks the tab and
// the other keys are the question as the routes take it.
export const effectiveAccessViews = [
  { id: 'principal', label: 'What can a principal do?' },
  { id: 'who-can', label: 'Who can…?' },
  { id: 'why-forbidden', label: 'Why Forbidden?' },
] as const
export type EffectiveAccessView = (typeof effectiveAccessViews)[number]['id']

/** The tab named by `?view=`, the principal view by default. */
export function readView(params: URLSearchParams): EffectiveAccessView {
  const view = params.get('view')
  return effectiveAccessViews.find((v) => v.id === view)?.id ?? 'principal'
}

/** The question keys of one view, read from the URL (absent keys are left out). */
export function readQuestion(params: URLSearchParams, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const key of keys) {
    const value = params.get(key)?.trim()
    if (value) out[key] = value
  }
  return out
}

/** `?view=who-can&verb=delete&resource=pods` — empty values are dropped. */
export function writeQuestion(view: EffectiveAccessView, question: Record<string, string | undefined>): string {
  const params = new URLSearchParams({ view })
  for (const [key, value] of Object.entries(question)) if (value?.trim()) params.set(key, value.trim())
  return `?${params.toString()}`
}
