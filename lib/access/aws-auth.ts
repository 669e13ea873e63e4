// Parse and serialize the kube-system/aws-auth ConfigMap's data (EKS user guide, auth-configmap; aws-iam-authenticator
// config). Its mapRoles/mapUsers/mapAccounts values are YAML *strings* inside the ConfigMap, hand-edited for years, so
// parsing is tolerant: every entry is kept, and what looks wrong is reported per entry instead of dropped.
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLSeq, type Node } from 'yaml'
import { validateAwsAuthMapping } from './aws-auth-validation'

export type AwsAuthSection = 'mapRoles' | 'mapUsers' | 'mapAccounts'

/** Something wrong with one entry (index set) or a whole section. Errors break matching; warnings are advice. */
export type AwsAuthProblem = { section: AwsAuthSection; index?: number; severity: 'error' | 'warning'; message: string }

/** One mapRoles/mapUsers entry. `sourceIndex` ties it to the original YAML so untouched entries round-trip. */
export type AwsAuthMapping = {
  kind: 'role' | 'user'
  arn: string
  username?: string
  groups: string[]
  /** Keys the console does not model (e.g. the authenticator's newer `sso:` block), kept verbatim. */
  extra: Record<string, unknown>
  sourceIndex?: number
}

export type ParsedAwsAuth = {
  mapRoles: AwsAuthMapping[]
  mapUsers: AwsAuthMapping[]
  /** Account IDs as 12-digit strings. */
  mapAccounts: string[]
  problems: AwsAuthProblem[]
}

const ARN_KEY = { role: 'rolearn', user: 'userarn' } as const

function readSequence(section: AwsAuthSection, text: string | undefined, problems: AwsAuthProblem[]): Node[] {
  if (text === undefined || text.trim() === '') return []
  const doc = parseDocument(text)
  if (doc.errors.length > 0) {
    problems.push({
      section,
      severity: 'error',
      message: `${section} is not valid YAML: ${doc.errors[0]?.message ?? ''}`,
    })
    return []
  }
  if (doc.contents === null) return []
  if (!isSeq(doc.contents)) {
    problems.push({
      section,
      severity: 'error',
      message: `${section} must be a YAML list (each entry starting with "- ").`,
    })
    return []
  }
  return doc.contents.items as Node[]
}

function readGroups(value: unknown, report: (message: string, severity?: 'error' | 'warning') => void): string[] {
  if (value === undefined || value === null) return []
  if (typeof value === 'string') {
    report(`groups is a single string; write it as a list: [${value}].`, 'warning')
    return [value]
  }
  if (!Array.isArray(value)) {
    report('groups must be a list of group names.')
    return []
  }
  return value.map((group) => {
    if (typeof group !== 'string') report(`The group ${JSON.stringify(group)} is not a string.`)
    return String(group)
  })
}

function readMapping(kind: 'role' | 'user', node: Node, index: number, problems: AwsAuthProblem[]): AwsAuthMapping {
  const section = kind === 'role' ? 'mapRoles' : 'mapUsers'
  const report = (message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ section, index, severity, message })
  const value: unknown = node.toJSON()
  if (!isMap(node) || typeof value !== 'object' || value === null) {
    report(`Entry ${index + 1} is not a mapping of ${ARN_KEY[kind]}/username/groups; it is kept as it is.`)
    return { kind, arn: '', groups: [], extra: { value }, sourceIndex: index }
  }
  const mapping: AwsAuthMapping = { kind, arn: '', groups: [], extra: {}, sourceIndex: index }
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    // The authenticator decodes with sigs.k8s.io/yaml → encoding/json, whose key matching is case-insensitive.
    const lower = key.toLowerCase()
    if (lower === ARN_KEY[kind]) mapping.arn = typeof field === 'string' ? field.trim() : String(field)
    else if (lower === 'username') mapping.username = field === null ? undefined : String(field)
    else if (lower === 'groups') mapping.groups = readGroups(field, report)
    else mapping.extra[key] = field
  }
  for (const problem of validateAwsAuthMapping(mapping)) report(problem.message, problem.severity)
  return mapping
}

function readAccount(node: Node, index: number, problems: AwsAuthProblem[]): string {
  // Use the source text: unquoted 012345678901 is a YAML number and would lose its leading zero.
  const raw = isScalar(node) ? String(node.source ?? node.value).trim() : JSON.stringify(node.toJSON())
  if (isScalar(node) && node.type === Scalar.PLAIN && typeof node.value === 'number') {
    problems.push({
      section: 'mapAccounts',
      index,
      severity: 'warning',
      message: `Quote the account ID "${raw}" so YAML keeps it a string.`,
    })
  }
  if (!/^\d{12}$/.test(raw)) {
    problems.push({
      section: 'mapAccounts',
      index,
      severity: 'error',
      message: `"${raw}" is not a 12-digit AWS account ID.`,
    })
  }
  return raw
}

function reportDuplicates(section: AwsAuthSection, mappings: readonly AwsAuthMapping[], problems: AwsAuthProblem[]) {
  // The authenticator compares ARNs case-insensitively, so entries differing only in case collide.
  const firstIndex = new Map<string, number>()
  mappings.forEach((mapping, index) => {
    if (mapping.arn === '') return
    const key = mapping.arn.toLowerCase()
    const first = firstIndex.get(key)
    if (first === undefined) firstIndex.set(key, index)
    else {
      const message = `This ARN is already mapped by entry ${first + 1}; only one of the two mappings takes effect.`
      problems.push({ section, index, severity: 'warning', message })
    }
  })
}

/** Parses the aws-auth ConfigMap `data`; never throws, reports problems per entry. */
export function parseAwsAuth(data: Partial<Record<string, string>> | undefined): ParsedAwsAuth {
  const problems: AwsAuthProblem[] = []
  const mapRoles = readSequence('mapRoles', data?.mapRoles, problems).map((n, i) => readMapping('role', n, i, problems))
  const mapUsers = readSequence('mapUsers', data?.mapUsers, problems).map((n, i) => readMapping('user', n, i, problems))
  const mapAccounts = readSequence('mapAccounts', data?.mapAccounts, problems).map((n, i) =>
    readAccount(n, i, problems),
  )
  reportDuplicates('mapRoles', mapRoles, problems)
  reportDuplicates('mapUsers', mapUsers, problems)
  return { mapRoles, mapUsers, mapAccounts, problems }
}

function sameMapping(a: AwsAuthMapping, b: AwsAuthMapping): boolean {
  return (
    JSON.stringify([a.arn, a.username, a.groups, a.extra]) === JSON.stringify([b.arn, b.username, b.groups, b.extra])
  )
}

function createMappingNode(doc: Document, mapping: AwsAuthMapping): Node {
  const body: Record<string, unknown> = { [ARN_KEY[mapping.kind]]: mapping.arn }
  if (mapping.username !== undefined) body.username = mapping.username
  body.groups = mapping.groups
  return doc.createNode({ ...body, ...mapping.extra }) as Node
}

/**
 * Serializes one mapRoles/mapUsers section. Entries whose fields are unchanged since `originalYaml` keep their
 * original YAML (comments, flow lists, key spelling); changed and new entries are written in the standard form.
 */
export function serializeAwsAuthMappings(
  originalYaml: string | undefined,
  mappings: readonly AwsAuthMapping[],
): string {
  const kind = mappings[0]?.kind ?? 'role'
  const original = parseDocument(originalYaml ?? '')
  const originalItems = !original.errors.length && isSeq(original.contents) ? (original.contents.items as Node[]) : []
  const doc = new Document()
  const seq = new YAMLSeq()
  for (const mapping of mappings) {
    const source = mapping.sourceIndex === undefined ? undefined : originalItems[mapping.sourceIndex]
    const unchanged = source && sameMapping(readMapping(kind, source, mapping.sourceIndex ?? 0, []), mapping)
    seq.items.push(unchanged ? source.clone() : createMappingNode(doc, mapping))
  }
  doc.contents = seq
  return seq.items.length === 0 ? '' : doc.toString()
}

/** Serializes mapAccounts, always quoting IDs so YAML cannot turn them into numbers. */
export function serializeAwsAuthAccounts(accounts: readonly string[]): string {
  return accounts.map((account) => `- "${account}"\n`).join('')
}
