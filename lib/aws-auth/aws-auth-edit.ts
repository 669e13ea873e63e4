// Apply one change to the aws-auth ConfigMap data by editing the section's YAML document in place: comments, other
// entries, unknown keys (e.g. `sso:`) and other data keys survive untouched. A section the parser cannot read (YAML
// syntax error, not a list) is never rewritten: the change is refused with the reason, so nothing is lost.
import { Document, isMap, isScalar, isSeq, parseDocument, YAMLSeq, type Node, type Pair } from 'yaml'

import {
  ARN_KEY,
  isSkippableSection,
  parseAwsAuth,
  readMappingNode,
  sectionKind,
  type AwsAuthData,
  type AwsAuthMappingSection,
} from './aws-auth-parse'

/** What a form asks for one mapping (the validated shape of awsAuthMappingSchema). */
export type AwsAuthMappingInput = { arn: string; username: string; groups: readonly string[] }

/** One edit of the ConfigMap. `index` + the ARN/account seen there identify a row, so a stale index is caught. */
export type AwsAuthChange =
  | { op: 'add'; section: AwsAuthMappingSection; mapping: AwsAuthMappingInput }
  | { op: 'update'; section: AwsAuthMappingSection; index: number; arn: string; mapping: AwsAuthMappingInput }
  | { op: 'remove'; section: AwsAuthMappingSection; index: number; arn: string }
  | { op: 'add-account'; account: string }
  | { op: 'remove-account'; index: number; account: string }

export type AwsAuthEditRefusal = {
  reason: 'unreadable' | 'moved' | 'duplicate'
  message: string
  path: (string | number)[]
}
export type AwsAuthEditResult = { ok: true; data: Record<string, string> } | ({ ok: false } & AwsAuthEditRefusal)

const YAML_OPTIONS = { lineWidth: 0 } as const

function openSection(text: string | undefined): { doc: Document; seq: YAMLSeq } | undefined {
  if (text === undefined || isSkippableSection(text)) {
    const doc = new Document(new YAMLSeq())
    return { doc, seq: doc.contents as YAMLSeq }
  }
  const doc: Document = parseDocument(text)
  if (doc.errors.length > 0) return undefined
  if (doc.contents === null) doc.contents = new YAMLSeq()
  return isSeq(doc.contents) ? { doc, seq: doc.contents } : undefined
}

function writeSection(doc: Document, seq: YAMLSeq): string {
  // An emptied list is written as `[]`, which the authenticator reads as no mappings (like a missing key).
  return seq.items.length === 0 ? '[]\n' : doc.toString(YAML_OPTIONS)
}

function buildMappingNode(doc: Document, kind: 'role' | 'user', mapping: AwsAuthMappingInput): Node {
  const body: Record<string, unknown> = { [ARN_KEY[kind]]: mapping.arn, username: mapping.username }
  if (mapping.groups.length > 0) body.groups = mapping.groups
  return doc.createNode(body) as Node
}

/** Sets the modelled keys on an existing entry, keeping its other keys, their order and comments. */
function updateMappingNode(doc: Document, node: Node, kind: 'role' | 'user', mapping: AwsAuthMappingInput): Node {
  if (!isMap(node)) return buildMappingNode(doc, kind, mapping)
  const wanted: [string, unknown][] = [
    [ARN_KEY[kind], mapping.arn],
    ['username', mapping.username],
    ['groups', mapping.groups.length > 0 ? mapping.groups : undefined],
  ]
  for (const [key, value] of wanted) {
    const matches = (pair: Pair) => isScalar(pair.key) && String(pair.key.value).toLowerCase() === key
    const existing = (node.items as Pair[]).filter(matches)
    if (value === undefined) {
      node.items = (node.items as Pair[]).filter((pair) => !matches(pair))
    } else if (existing.length > 0) {
      // Duplicate spellings (rolearn + roleArn) would leave the last one deciding: keep only the first.
      node.items = (node.items as Pair[]).filter((pair) => !matches(pair) || pair === existing[0])
      existing[0]!.value = doc.createNode(value)
    } else {
      node.add(doc.createPair(key, value))
    }
  }
  return node
}

const unreadable = (section: string): AwsAuthEditResult => ({
  ok: false,
  reason: 'unreadable',
  path: [section],
  message: `${section} cannot be parsed, so the console will not rewrite it (that could drop what it cannot read). Fix the YAML first (kubectl edit configmap aws-auth -n kube-system), then edit here.`,
})

function findDuplicate(seq: YAMLSeq, kind: 'role' | 'user', arn: string, except?: number): number | undefined {
  const index = (seq.items as Node[]).findIndex(
    (node, i) => i !== except && readMappingNode(kind, node, () => {}).arn.toLowerCase() === arn.toLowerCase(),
  )
  return index === -1 ? undefined : index
}

function applyMappingChange(
  data: AwsAuthData,
  change: Extract<AwsAuthChange, { section: AwsAuthMappingSection }>,
): AwsAuthEditResult {
  const kind = sectionKind[change.section]
  const opened = openSection(data[change.section])
  if (!opened) return unreadable(change.section)
  const { doc, seq } = opened
  const items = seq.items as Node[]
  if (change.op !== 'add') {
    const node = items[change.index]
    const seen = node ? readMappingNode(kind, node, () => {}).arn : undefined
    if (seen?.toLowerCase() !== change.arn.toLowerCase()) {
      return {
        ok: false,
        reason: 'moved',
        path: ['index'],
        message: `Entry ${change.index + 1} of ${change.section} is no longer ${change.arn || 'the entry you opened'}; reload and try again.`,
      }
    }
  }
  if (change.op !== 'remove') {
    const duplicate = findDuplicate(seq, kind, change.mapping.arn, change.op === 'update' ? change.index : undefined)
    if (duplicate !== undefined) {
      return {
        ok: false,
        reason: 'duplicate',
        path: ['mapping', 'arn'],
        message: `${change.mapping.arn} is already mapped by entry ${duplicate + 1} of ${change.section}; edit that entry instead (the authenticator would use only the last of the two).`,
      }
    }
  }
  if (change.op === 'add') seq.items.push(buildMappingNode(doc, kind, change.mapping))
  else if (change.op === 'update')
    seq.items[change.index] = updateMappingNode(doc, items[change.index]!, kind, change.mapping)
  else seq.items.splice(change.index, 1)
  return { ok: true, data: { ...stringData(data), [change.section]: writeSection(doc, seq) } }
}

function applyAccountChange(
  data: AwsAuthData,
  change: Extract<AwsAuthChange, { op: 'add-account' | 'remove-account' }>,
): AwsAuthEditResult {
  const opened = openSection(data.mapAccounts)
  if (!opened) return unreadable('mapAccounts')
  const { doc, seq } = opened
  const accounts = parseAwsAuth({ mapAccounts: data.mapAccounts }).mapAccounts
  if (change.op === 'add-account') {
    if (accounts.includes(change.account)) {
      return { ok: false, reason: 'duplicate', path: ['account'], message: `${change.account} is already listed.` }
    }
    // Quoted, so no YAML tool turns the ID into a number and drops a leading zero.
    const node = doc.createNode(change.account) as Node
    if (isScalar(node)) node.type = 'QUOTE_DOUBLE'
    seq.items.push(node)
  } else {
    if (accounts[change.index] !== change.account) {
      return {
        ok: false,
        reason: 'moved',
        path: ['index'],
        message: `Entry ${change.index + 1} of mapAccounts is no longer ${change.account}; reload and try again.`,
      }
    }
    seq.items.splice(change.index, 1)
  }
  return { ok: true, data: { ...stringData(data), mapAccounts: writeSection(doc, seq) } }
}

function stringData(data: AwsAuthData): Record<string, string> {
  return Object.fromEntries(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'))
}

/** Applies one change to the ConfigMap data; never throws, refuses (with the reason) rather than lose content. */
export function applyAwsAuthChange(data: AwsAuthData, change: AwsAuthChange): AwsAuthEditResult {
  return change.op === 'add-account' || change.op === 'remove-account'
    ? applyAccountChange(data, change)
    : applyMappingChange(data, change)
}

/** The aws-auth model as ConfigMap data (what a freshly created ConfigMap holds); sections left empty are omitted. */
export function serializeAwsAuth(model: {
  mapRoles: readonly AwsAuthMappingInput[]
  mapUsers: readonly AwsAuthMappingInput[]
  mapAccounts: readonly string[]
}): Record<string, string> {
  const data: Record<string, string> = {}
  for (const section of ['mapRoles', 'mapUsers'] as const) {
    if (model[section].length === 0) continue
    const doc = new Document(new YAMLSeq())
    const seq = doc.contents as YAMLSeq
    for (const mapping of model[section]) seq.items.push(buildMappingNode(doc, sectionKind[section], mapping))
    data[section] = writeSection(doc, seq)
  }
  if (model.mapAccounts.length > 0) data.mapAccounts = model.mapAccounts.map((a) => `- ${JSON.stringify(a)}\n`).join('')
  return data
}
