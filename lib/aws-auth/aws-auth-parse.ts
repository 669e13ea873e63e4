// Parse the kube-system/aws-auth ConfigMap's data the way aws-iam-authenticator reads it
// (https://github.com/kubernetes-sigs/aws-iam-authenticator, pkg/mapper/configmap ParseMap): mapRoles/mapUsers are
// YAML strings converted to JSON and decoded with Go's encoding/json, mapAccounts is decoded into []string. The values
// were hand-edited for years, so parsing is tolerant: every entry is kept (with the line it starts on), and what the
// authenticator would ignore or misread is reported per entry instead of dropped.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node } from 'yaml'

import { validateAwsAuthMapping } from './aws-auth-validation'

export type AwsAuthSection = 'mapRoles' | 'mapUsers' | 'mapAccounts'
export type AwsAuthMappingSection = 'mapRoles' | 'mapUsers'

/**
 * Something wrong with one entry (index set) or a whole section. `line`/`column` (1-based) point into that section's
 * text. Errors change what the authenticator does with the entry; warnings are advice.
 */
export type AwsAuthProblem = {
  section: AwsAuthSection
  index?: number
  severity: 'error' | 'warning'
  message: string
  line?: number
  column?: number
}

/** One mapRoles/mapUsers entry, as the authenticator reads it. */
export type AwsAuthMapping = {
  kind: 'role' | 'user'
  arn: string
  username?: string
  groups: string[]
  /** Keys the console does not model (e.g. the authenticator's newer `sso:` block), kept verbatim. */
  extra: Record<string, unknown>
  /** Line (1-based) in the section's text where the entry starts. */
  line?: number
}

export type ParsedAwsAuth = {
  mapRoles: AwsAuthMapping[]
  mapUsers: AwsAuthMapping[]
  /** Account IDs as written (leading zeros kept). */
  mapAccounts: string[]
  problems: AwsAuthProblem[]
  /** Sections the parser could not read at all (YAML syntax error, not a list): editing them is refused. */
  unreadable: AwsAuthSection[]
}

/** The ConfigMap `data` (other keys are allowed and kept untouched by edits). */
export type AwsAuthData = Partial<Record<string, string>>

export const ARN_KEY = { role: 'rolearn', user: 'userarn' } as const
export const sectionKind = { mapRoles: 'role', mapUsers: 'user' } as const

/** The authenticator skips a section that is blank, `` or "" (isSkippable). */
export function isSkippableSection(text: string | undefined): boolean {
  const trimmed = (text ?? '').trim()
  return trimmed === '' || trimmed === '``' || trimmed === '""'
}

type SectionRead = { items: Node[]; lines: LineCounter }

function readSequence(section: AwsAuthSection, text: string | undefined, parsed: ParsedAwsAuth): SectionRead {
  const lines = new LineCounter()
  if (text === undefined || isSkippableSection(text)) return { items: [], lines }
  const doc = parseDocument(text, { lineCounter: lines })
  const error = doc.errors[0]
  if (error) {
    const at = error.linePos?.[0]
    parsed.unreadable.push(section)
    parsed.problems.push({
      section,
      severity: 'error',
      message: `${section} is not valid YAML${at ? ` (line ${at.line}, column ${at.col})` : ''}: ${error.message.split(/ at line \d+|\n/)[0]}. The authenticator ignores the whole section, so none of its mappings apply.`,
      ...(at ? { line: at.line, column: at.col } : {}),
    })
    return { items: [], lines }
  }
  if (doc.contents === null) return { items: [], lines }
  if (!isSeq(doc.contents)) {
    const at = lines.linePos(doc.contents.range?.[0] ?? 0)
    parsed.unreadable.push(section)
    parsed.problems.push({
      section,
      severity: 'error',
      message: `${section} must be a YAML list (each entry starting with "- "); the authenticator reads nothing from it.`,
      line: at.line,
      column: at.col,
    })
    return { items: [], lines }
  }
  return { items: doc.contents.items as Node[], lines }
}

function readGroups(value: unknown, report: (message: string, severity?: 'error' | 'warning') => void): string[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) {
    // encoding/json cannot put a string into []string: it skips the field, so the mapping gets no groups at all.
    const shown = typeof value === 'string' ? value : JSON.stringify(value)
    report(
      `groups must be a list; the authenticator ignores "${shown}", so this mapping gets no groups. Write [${shown}].`,
    )
    return []
  }
  return value.flatMap((group) => {
    if (typeof group === 'string') return [group]
    report(`The group ${JSON.stringify(group)} is not a string; the authenticator drops it.`)
    return []
  })
}

/** Reads one entry node; `report` receives problems about it. Exported for the editor's before/after comparison. */
export function readMappingNode(
  kind: 'role' | 'user',
  node: Node,
  report: (message: string, severity?: 'error' | 'warning') => void,
): AwsAuthMapping {
  const value: unknown = node.toJSON()
  if (!isMap(node) || typeof value !== 'object' || value === null || Array.isArray(value)) {
    report(
      `This entry is not a mapping of ${ARN_KEY[kind]}/username/groups; the authenticator skips it. It is kept as it is.`,
    )
    return { kind, arn: '', groups: [], extra: { value } }
  }
  const mapping: AwsAuthMapping = { kind, arn: '', groups: [], extra: {} }
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    // encoding/json matches keys case-insensitively, so `roleArn` and `RoleARN` are read as rolearn too.
    const lower = key.toLowerCase()
    if (lower === ARN_KEY[kind]) {
      if (typeof field === 'string') mapping.arn = field
      else report(`${key} is not a string; the authenticator skips it, so this entry matches nobody.`)
    } else if (lower === 'username') {
      if (typeof field === 'string') mapping.username = field
      else if (field !== null) report(`username is not a string; the authenticator ignores it.`)
    } else if (lower === 'groups') mapping.groups = readGroups(field, report)
    else mapping.extra[key] = field
  }
  return mapping
}

function readMappings(section: AwsAuthMappingSection, text: string | undefined, parsed: ParsedAwsAuth) {
  const kind = sectionKind[section]
  const { items, lines } = readSequence(section, text, parsed)
  return items.map((node, index) => {
    const at = lines.linePos(node?.range?.[0] ?? 0)
    const report = (message: string, severity: 'error' | 'warning' = 'error') =>
      parsed.problems.push({ section, index, severity, message, line: at.line, column: at.col })
    const mapping = node ? readMappingNode(kind, node, report) : { kind, arn: '', groups: [], extra: {} }
    if (node && isMap(node)) {
      for (const problem of validateAwsAuthMapping(mapping)) report(problem.message, problem.severity)
    }
    return { ...mapping, line: at.line }
  })
}

function readAccounts(text: string | undefined, parsed: ParsedAwsAuth): string[] {
  const { items, lines } = readSequence('mapAccounts', text, parsed)
  return items.map((node, index) => {
    const at = lines.linePos(node?.range?.[0] ?? 0)
    // go-yaml puts a scalar's source text into a string, so unquoted 012345678901 keeps its leading zero there.
    const raw = isScalar(node) ? String(node.source ?? node.value).trim() : JSON.stringify(node?.toJSON() ?? null)
    const report = (severity: 'error' | 'warning', message: string) =>
      parsed.problems.push({ section: 'mapAccounts', index, severity, message, line: at.line, column: at.col })
    if (isScalar(node) && node.type === Scalar.PLAIN && typeof node.value === 'number') {
      report('warning', `Quote the account ID "${raw}": other YAML tools read it as a number and drop leading zeros.`)
    }
    if (!/^\d{12}$/.test(raw)) report('error', `"${raw}" is not a 12-digit AWS account ID; it matches no caller.`)
    return raw
  })
}

function reportDuplicates(
  section: AwsAuthMappingSection,
  mappings: readonly AwsAuthMapping[],
  problems: AwsAuthProblem[],
) {
  // The authenticator keys mappings by the lower-cased ARN and later entries overwrite earlier ones: the last wins.
  const lastIndex = new Map<string, number>()
  mappings.forEach((mapping, index) => {
    if (mapping.arn !== '') lastIndex.set(mapping.arn.toLowerCase(), index)
  })
  mappings.forEach((mapping, index) => {
    const last = mapping.arn === '' ? undefined : lastIndex.get(mapping.arn.toLowerCase())
    if (last === undefined || last === index) return
    problems.push({
      section,
      index,
      severity: 'warning',
      message: `Entry ${last + 1} maps the same ARN later; the authenticator keeps the last one, so this entry has no effect.`,
      line: mapping.line,
    })
  })
}

/** Parses the aws-auth ConfigMap `data`; never throws, reports problems per entry with line and column. */
export function parseAwsAuth(data: AwsAuthData | undefined): ParsedAwsAuth {
  const parsed: ParsedAwsAuth = { mapRoles: [], mapUsers: [], mapAccounts: [], problems: [], unreadable: [] }
  parsed.mapRoles = readMappings('mapRoles', data?.mapRoles, parsed)
  parsed.mapUsers = readMappings('mapUsers', data?.mapUsers, parsed)
  parsed.mapAccounts = readAccounts(data?.mapAccounts, parsed)
  reportDuplicates('mapRoles', parsed.mapRoles, parsed.problems)
  reportDuplicates('mapUsers', parsed.mapUsers, parsed.problems)
  return parsed
}
