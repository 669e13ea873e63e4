import { stringify } from 'yaml'

// A small, strict renderer for the subset of Helm's Go templates the chart uses, since there is no helm binary here:
// `{{ .Values.a.b }}`, `{{ .Release.Name }}`, `{{- if X }} … {{- else }} … {{- end }}`, and pipelines through
// toYaml, nindent N, indent N, quote and default X. Anything else throws, so the chart cannot silently grow a
// construct this renderer would get wrong. Whitespace trimming follows text/template: `{{-` eats the whitespace
// (newlines included) before the action, `-}}` the whitespace after it. https://pkg.go.dev/text/template#hdr-Text_and_spaces

export type HelmContext = { Values: Record<string, unknown>; Release: { Name: string; Namespace: string } }

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; body: string }
  | { kind: 'if'; cond: string; then: Node[]; else: Node[] }

function tokenize(source: string): ({ kind: 'text'; text: string } | { kind: 'action'; body: string })[] {
  const tokens: ({ kind: 'text'; text: string } | { kind: 'action'; body: string })[] = []
  const re = /\{\{(-?)\s*(.*?)\s*(-?)\}\}/gs
  let last = 0
  let trimNext = false
  for (const m of source.matchAll(re)) {
    let text = source.slice(last, m.index)
    if (trimNext) text = text.replace(/^\s+/, '')
    if (m[1] === '-') text = text.replace(/\s+$/, '')
    tokens.push({ kind: 'text', text })
    tokens.push({ kind: 'action', body: m[2] as string })
    trimNext = m[3] === '-'
    last = (m.index ?? 0) + m[0].length
  }
  let tail = source.slice(last)
  if (trimNext) tail = tail.replace(/^\s+/, '')
  tokens.push({ kind: 'text', text: tail })
  return tokens
}

function parse(tokens: ReturnType<typeof tokenize>): Node[] {
  let i = 0
  const block = (): { nodes: Node[]; end: 'end' | 'else' | 'eof' } => {
    const nodes: Node[] = []
    while (i < tokens.length) {
      const token = tokens[i++]!
      if (token.kind === 'text') nodes.push(token)
      else if (token.body === 'end' || token.body === 'else') return { nodes, end: token.body }
      else if (token.body.startsWith('if ')) {
        const then = block()
        const otherwise = then.end === 'else' ? block() : { nodes: [], end: then.end }
        if (otherwise.end !== 'end') throw new Error(`unclosed {{ ${token.body} }}`)
        nodes.push({ kind: 'if', cond: token.body.slice(3), then: then.nodes, else: otherwise.nodes })
      } else nodes.push(token)
    }
    return { nodes, end: 'eof' }
  }
  const result = block()
  if (result.end !== 'eof') throw new Error(`unexpected {{ ${result.end} }}`)
  return result.nodes
}

function lookup(path: string, context: HelmContext): unknown {
  if (!path.startsWith('.')) throw new Error(`unsupported operand: ${path}`)
  let value: unknown = context
  for (const key of path.slice(1).split('.')) {
    if (value === null || typeof value !== 'object') throw new Error(`${path}: no such value`)
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

function operand(token: string, context: HelmContext): unknown {
  if (/^"(.*)"$/.test(token)) return JSON.parse(token)
  if (/^\d+$/.test(token)) return Number(token)
  return lookup(token, context)
}

const truthy = (v: unknown) =>
  !(
    v === undefined ||
    v === null ||
    v === false ||
    v === 0 ||
    v === '' ||
    (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' && v !== null && Object.keys(v).length === 0)
  )

const toYaml = (v: unknown) => (truthy(v) ? stringify(v).trimEnd() : Array.isArray(v) ? '[]' : '{}')
const indent = (text: string, n: number) =>
  text
    .split('\n')
    .map((line) => ' '.repeat(n) + line)
    .join('\n')

function evaluate(pipeline: string, context: HelmContext): unknown {
  const [first, ...stages] = pipeline.split('|').map((s) => s.trim())
  let value: unknown
  const head = (first as string).split(/\s+/)
  if (head[0] === 'toYaml' && head.length === 2) value = toYaml(operand(head[1] as string, context))
  else if (head.length === 1) value = operand(head[0] as string, context)
  else throw new Error(`unsupported expression: ${first}`)
  for (const stage of stages) {
    const [fn, arg] = stage.split(/\s+/)
    if (fn === 'toYaml') value = toYaml(value)
    else if (fn === 'nindent') value = '\n' + indent(String(value), Number(arg))
    else if (fn === 'indent') value = indent(String(value), Number(arg))
    else if (fn === 'quote') value = JSON.stringify(String(value ?? ''))
    else if (fn === 'default') value = truthy(value) ? value : operand(arg as string, context)
    else throw new Error(`unsupported function: ${stage}`)
  }
  if (value === undefined) throw new Error(`{{ ${pipeline} }} is not set (Helm would print <no value>)`)
  return value
}

function render(nodes: Node[], context: HelmContext): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return node.text
      if (node.kind === 'if') {
        const cond = node.cond.startsWith('not ')
          ? !truthy(lookup(node.cond.slice(4), context))
          : truthy(lookup(node.cond, context))
        return render(cond ? node.then : node.else, context)
      }
      return String(evaluate(node.body, context))
    })
    .join('')
}

/** Renders one template file's text with `.Values` and `.Release`, as `helm template` would for this subset. */
export function renderHelmTemplate(source: string, context: HelmContext): string {
  return render(parse(tokenize(source)), context)
}
