// Kubernetes label selectors (apimachinery labels.Parse): `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`,
// `a` (exists) and `!a` (does not exist), joined by commas (AND).
import { KubeError } from './kube-error'

export type LabelRequirement =
  { key: string; op: 'in' | 'notin'; values: string[] } | { key: string; op: 'exists' | 'notexists' }

const KEY_PATTERN =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/
const VALUE_PATTERN = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/

/** Splits on commas that are not inside `( … )`. */
function splitTopLevel(selector: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const ch of selector) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) {
      parts.push(current)
      current = ''
    } else current += ch
  }
  parts.push(current)
  return parts.map((p) => p.trim()).filter((p) => p !== '')
}

function checkKey(key: string, selector: string): string {
  if (!KEY_PATTERN.test(key))
    throw new KubeError(
      'BadRequest',
      `unable to parse requirement: invalid label key "${key}" in selector "${selector}"`,
    )
  return key
}

function checkValue(value: string, selector: string): string {
  if (!VALUE_PATTERN.test(value) || value.length > 63)
    throw new KubeError(
      'BadRequest',
      `unable to parse requirement: invalid label value "${value}" in selector "${selector}"`,
    )
  return value
}

/** Parses a label selector string; throws a 400 KubeError on bad syntax as kube-apiserver does. */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  return splitTopLevel(selector).map((part): LabelRequirement => {
    const setMatch = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(part)
    if (setMatch) {
      const values = (setMatch[3] ?? '').split(',').map((v) => checkValue(v.trim(), selector))
      return { key: checkKey(setMatch[1] ?? '', selector), op: setMatch[2] === 'in' ? 'in' : 'notin', values }
    }
    const eqMatch = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(part)
    if (eqMatch) {
      const key = checkKey(eqMatch[1] ?? '', selector)
      const value = checkValue((eqMatch[3] ?? '').trim(), selector)
      return { key, op: eqMatch[2] === '!=' ? 'notin' : 'in', values: [value] }
    }
    if (part.startsWith('!')) return { key: checkKey(part.slice(1).trim(), selector), op: 'notexists' }
    return { key: checkKey(part, selector), op: 'exists' }
  })
}

/** Whether a label set satisfies every requirement; `!=`/notin also match objects without the key (as upstream). */
export function matchesLabelSelector(
  requirements: LabelRequirement[],
  labels: Record<string, string> | undefined,
): boolean {
  return requirements.every((r) => {
    const value = labels?.[r.key]
    switch (r.op) {
      case 'exists':
        return value !== undefined
      case 'notexists':
        return value === undefined
      case 'in':
        return value !== undefined && r.values.includes(value)
      case 'notin':
        return value === undefined || !r.values.includes(value)
    }
  })
}

/** A metav1.LabelSelector (matchLabels + matchExpressions), as used by ClusterRole aggregation rules. */
export interface LabelSelectorObject {
  matchLabels?: Record<string, string>
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[]
}

/** Converts a metav1.LabelSelector to requirements (an empty selector matches everything). */
export function convertLabelSelectorObject(sel: LabelSelectorObject): LabelRequirement[] {
  const reqs: LabelRequirement[] = Object.entries(sel.matchLabels ?? {}).map(([key, v]) => ({
    key,
    op: 'in',
    values: [v],
  }))
  for (const e of sel.matchExpressions ?? []) {
    if (e.operator === 'Exists') reqs.push({ key: e.key, op: 'exists' })
    else if (e.operator === 'DoesNotExist') reqs.push({ key: e.key, op: 'notexists' })
    else reqs.push({ key: e.key, op: e.operator === 'In' ? 'in' : 'notin', values: e.values ?? [] })
  }
  return reqs
}
