// The migration plan from aws-auth to access entries: one planned entry (or a reason to skip) per mapping. The rules
// follow `eksctl utils migrate-to-access-entry` (https://eksctl.io/usage/access-entries/, pkg/actions/accessentry in
// eksctl) and go further where eksctl loses access: Fargate pod-execution roles become FARGATE_LINUX entries, and
// usernames EKS would refuse get a suggested fix (docs/access-entries.md#username-and-group-rules). Pure: IAM
// lookups arrive as `resolve`, so the same planner runs in the wizard, its tests and the benchmark.
import { isServiceLinkedRole, parseArn } from '@/lib/access/arn'
import { accessPolicyArn } from '@/lib/access/policy-catalogue'

import type { AwsAuthSection, ParsedAwsAuth } from './aws-auth-parse'
import { principalKey } from './aws-auth-view'
import { suggestUsername, usernameRefusal } from './migration-username'

export type MigrationEntryType = 'STANDARD' | 'EC2_LINUX' | 'EC2_WINDOWS' | 'FARGATE_LINUX'

/** The access entry one mapping becomes (CreateAccessEntry + AssociateAccessPolicy at cluster scope). */
export type PlannedEntry = {
  principalArn: string
  type: MigrationEntryType
  /** Omitted for node and Fargate types: EKS sets them itself. */
  username?: string
  kubernetesGroups: string[]
  policyArns: string[]
}

/** What IAM said about a principal (GetRole/GetUser): its full ARN with the path aws-auth dropped, or nothing. */
export type ResolvedPrincipal =
  { status: 'found'; arn: string } | { status: 'missing' } | { status: 'error'; message: string }

export type MigrationItem = {
  /** `mapRoles[3]`: stable across reruns while the ConfigMap is unchanged. */
  id: string
  section: AwsAuthSection
  index: number
  /** The ARN (or account id) as aws-auth writes it. */
  source: string
  username: string | null
  groups: string[]
  /** `create` = an entry is planned; `skip` = nothing to create; `blocked` = needs a person's decision first. */
  action: 'create' | 'skip' | 'blocked'
  entry?: PlannedEntry
  reason?: string
  /** Whether this skip means aws-auth still grants something an API-only cluster would lose (eksctl's skipAPImode). */
  blocksApi: boolean
  /** Changes the plan made to the mapping (a username EKS refuses), for the person to review. */
  notes: string[]
}

export type MigrationPlan = {
  items: MigrationItem[]
  /** Items that stop a switch to API (blocked ones and skips that would lose access). */
  apiBlockers: string[]
  counts: { create: number; skip: number; blocked: number }
}

const NODE_USERNAME = 'system:node:{{EC2PrivateDNSName}}'
const FARGATE_USERNAME = 'system:node:{{SessionName}}'

function blocked(base: Omit<MigrationItem, 'action' | 'blocksApi'>, reason: string): MigrationItem {
  return { ...base, action: 'blocked', reason, blocksApi: true }
}

function skipped(base: Omit<MigrationItem, 'action' | 'blocksApi'>, reason: string, blocksApi: boolean): MigrationItem {
  return { ...base, action: 'skip', reason, blocksApi }
}

function planMapping(
  base: Omit<MigrationItem, 'action' | 'blocksApi'>,
  kind: 'role' | 'user',
  resolved: ResolvedPrincipal,
  problems: string[],
): MigrationItem {
  const { source, groups } = base
  const parsed = parseArn(source)
  if (source === '' || problems.length > 0) {
    return skipped(
      base,
      `The authenticator ignores this mapping (${problems[0] ?? 'no ARN'}); it grants nothing to migrate.`,
      false,
    )
  }
  if (parsed?.service !== 'iam' || parsed.resourceType !== kind) {
    return skipped(base, `Not an IAM ${kind} ARN, so it matches no principal; nothing to migrate.`, false)
  }
  if (resolved.status === 'missing') {
    return blocked(
      base,
      `No such IAM ${kind} (GetRole/GetUser: NoSuchEntity). Delete the mapping or create the principal.`,
    )
  }
  if (resolved.status === 'error')
    return blocked(base, `IAM could not be asked about this ${kind}: ${resolved.message}`)
  const principalArn = resolved.arn
  if (isServiceLinkedRole(principalArn)) {
    return skipped(
      base,
      'Service-linked role: EKS refuses access entries for it. It keeps working only through aws-auth.',
      true,
    )
  }
  const username = base.username ?? undefined
  if (username === NODE_USERNAME) {
    const type = groups.includes('eks:kube-proxy-windows') ? 'EC2_WINDOWS' : 'EC2_LINUX'
    return {
      ...base,
      action: 'create',
      blocksApi: false,
      entry: { principalArn, type, kubernetesGroups: [], policyArns: [] },
    }
  }
  if (username === FARGATE_USERNAME && kind === 'role' && groups.includes('system:node-proxier')) {
    // eksctl skips these (pkg/actions/accessentry); without an entry, Fargate pods stop starting on API clusters.
    const entry: PlannedEntry = { principalArn, type: 'FARGATE_LINUX', kubernetesGroups: [], policyArns: [] }
    return { ...base, action: 'create', blocksApi: false, entry }
  }
  const systemGroups = groups.filter((g) => g.toLowerCase().startsWith('system:'))
  const isAdmin = systemGroups.includes('system:masters')
  const otherSystem = systemGroups.filter((g) => g !== 'system:masters')
  if (otherSystem.length > 0) {
    return skipped(base, `Access entries cannot carry the group ${otherSystem[0]} (EKS reserves system: groups).`, true)
  }
  const notes: string[] = []
  let entryUsername = username
  const refusal = username === undefined ? undefined : usernameRefusal(username)
  if (username !== undefined && refusal !== undefined) {
    entryUsername = suggestUsername(username, parsed.name)
    notes.push(
      `EKS would refuse the username ${username}: ${refusal} The plan uses ${entryUsername ?? 'the EKS default'} instead; RoleBindings naming the old username must follow.`,
    )
  }
  const entry: PlannedEntry = {
    principalArn,
    type: 'STANDARD',
    ...(entryUsername !== undefined ? { username: entryUsername } : {}),
    // system:masters becomes AmazonEKSClusterAdminPolicy at cluster scope (docs/aws-auth.md#systemmasters); the
    // other groups are kept, unlike eksctl, so RBAC bound to them keeps applying.
    kubernetesGroups: groups.filter((g) => g !== 'system:masters'),
    policyArns: isAdmin ? [accessPolicyArn('AmazonEKSClusterAdminPolicy', parsed.partition)] : [],
  }
  return { ...base, action: 'create', blocksApi: false, entry, notes: [...base.notes, ...notes] }
}

/**
 * Plans one access entry per aws-auth mapping. `resolve` answers with IAM's view of each role/user ARN;
 * `accessEntryArns` are the principals that already have an entry (skipped: a rerun picks up where it stopped).
 */
export function planMigration(
  parsed: ParsedAwsAuth,
  resolve: (arn: string, kind: 'role' | 'user') => ResolvedPrincipal,
  accessEntryArns: readonly string[],
): MigrationPlan {
  const existing = new Set(accessEntryArns.map(principalKey))
  const items: MigrationItem[] = []
  for (const section of parsed.unreadable) {
    items.push(
      blocked(
        { id: section, section, index: -1, source: section, username: null, groups: [], notes: [] },
        `${section} is not readable YAML: what it grants cannot be planned. Fix it on the aws-auth page first.`,
      ),
    )
  }
  for (const section of ['mapRoles', 'mapUsers'] as const) {
    const kind = section === 'mapRoles' ? 'role' : 'user'
    parsed[section].forEach((mapping, index) => {
      const problems = parsed.problems
        .filter((p) => p.section === section && p.index === index && p.severity === 'error')
        .map((p) => p.message)
      const base = {
        id: `${section}[${index}]`,
        section,
        index,
        source: mapping.arn,
        username: mapping.username ?? null,
        groups: mapping.groups,
        notes: [],
      }
      items.push(planMapping(base, kind, resolveOnce(mapping.arn, kind, resolve), problems))
    })
  }
  parsed.mapAccounts.forEach((account, index) => {
    const base = {
      id: `mapAccounts[${index}]`,
      section: 'mapAccounts' as const,
      index,
      source: account,
      username: null,
      groups: [],
      notes: [],
    }
    items.push(
      skipped(
        base,
        `mapAccounts lets every principal of account ${account} sign in; access entries have no equivalent (create one per principal).`,
        true,
      ),
    )
  })
  markDuplicatesAndExisting(items, existing)
  const apiBlockers = items.filter((i) => i.blocksApi).map((i) => `${i.id} ${i.source}: ${i.reason ?? ''}`)
  const count = (action: MigrationItem['action']) => items.filter((i) => i.action === action).length
  return { items, apiBlockers, counts: { create: count('create'), skip: count('skip'), blocked: count('blocked') } }
}

function resolveOnce(
  arn: string,
  kind: 'role' | 'user',
  resolve: (arn: string, kind: 'role' | 'user') => ResolvedPrincipal,
) {
  const parsed = parseArn(arn)
  if (arn === '' || parsed?.service !== 'iam' || parsed.resourceType !== kind) return { status: 'missing' } as const
  return resolve(arn, kind)
}

// The authenticator keeps one mapping per ARN (the last one it reads wins, it stores them in a map), and EKS allows one
// entry per principal: earlier duplicates are skipped, and principals that already have an entry are left alone.
function markDuplicatesAndExisting(items: MigrationItem[], existing: Set<string>): void {
  const last = new Map<string, MigrationItem>()
  for (const item of items) if (item.entry) last.set(principalKey(item.entry.principalArn), item)
  for (const item of items) {
    if (!item.entry) continue
    const key = principalKey(item.entry.principalArn)
    const winner = last.get(key)
    if (winner !== item && winner) {
      Object.assign(item, {
        action: 'skip',
        blocksApi: false,
        reason: `Duplicate of ${winner.id}, the mapping the authenticator uses for this principal.`,
      })
      delete item.entry
    } else if (existing.has(key)) {
      Object.assign(item, {
        action: 'skip',
        blocksApi: false,
        reason: 'This principal already has an access entry (it wins over aws-auth); left as it is.',
      })
    }
  }
}

/**
 * Whether the console's own principal keeps access after the switch: it needs a planned or existing entry. On a
 * CONFIG_MAP cluster the creator's implicit admin is not in aws-auth (docs/aws-auth.md#systemmasters), so a console
 * acting as the creator would lose the cluster the moment entries are enabled, unless it is mapped first.
 */
export function consoleKeepsAccess(plan: MigrationPlan, consoleArn: string, accessEntryArns: readonly string[]) {
  const key = principalKey(consoleArn)
  return (
    accessEntryArns.some((arn) => principalKey(arn) === key) ||
    plan.items.some((i) => i.entry && principalKey(i.entry.principalArn) === key)
  )
}
