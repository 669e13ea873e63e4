// Step 1 of the resolver: which Kubernetes identity an IAM principal gets in one cluster, and how. The order is EKS's
// (docs/authentication-modes.md#the-three-modes, docs/aws-auth.md#matching, docs/access-entries.md#default-username):
// access entries are read unless the mode is CONFIG_MAP, aws-auth unless it is API; in API_AND_CONFIG_MAP an entry for
// the principal wins over its mapping. No entry and no mapping: the token is refused (401), so nothing is allowed.
import { canonicalizeAssumedRole, parseArn } from '@/lib/access/arn'
import type { AuthenticationMode } from '@/lib/access/authentication-mode'
import { defaultUsername } from '@/lib/access/default-username'
import type { ParsedAwsAuth } from '@/lib/aws-auth/aws-auth-parse'

/** An access-policy association: the policy and where it applies. */
export type PolicyGrant = { policyArn: string; accessScope: { type: 'cluster' | 'namespace'; namespaces: string[] } }

/** What the resolver needs of one access entry (DescribeAccessEntry + ListAssociatedAccessPolicies). */
export type EntryFacts = {
  principalArn: string
  type: string
  username: string | null
  kubernetesGroups: string[]
  policies: PolicyGrant[]
  createdAt: string | null
}

/** How a cluster authenticates IAM principals. `awsAuth` undefined: no aws-auth ConfigMap. */
export type ClusterAuthFacts = {
  authenticationMode: AuthenticationMode
  accessEntries: readonly EntryFacts[]
  awsAuth: ParsedAwsAuth | undefined
}

/** What IAM says of a principal, when the console asked: when it was created (a recreated role has a new date). */
export type PrincipalFacts = { exists: boolean; createdAt: string | null }

/** Why an entry or mapping that exists does not (fully) apply. */
export type IdentityNote =
  | { code: 'entry-ignored-config-map' }
  | { code: 'mapping-ignored-api'; arn: string }
  | { code: 'mapping-shadowed-by-entry'; arn: string; username: string | null; groups: string[] }
  | { code: 'entry-stale'; entryCreatedAt: string | null; principalCreatedAt: string | null }
  | { code: 'principal-missing' }
  | { code: 'mapping-pathed-arn'; arn: string }

/** The aws-auth row that mapped a principal. */
export type MappingRef = { section: 'mapRoles' | 'mapUsers' | 'mapAccounts'; index: number; arn: string }

/** The answer of step 1. `via: null` = unauthenticated (no entry and no mapping apply). */
export type ResolvedIdentity = {
  principalArn: string
  /** What aws-iam-authenticator matches on: the path-less role ARN for sessions (docs/aws-auth.md#matching). */
  canonicalArn: string
  via: 'access-entry' | 'aws-auth' | null
  entry?: EntryFacts
  /** The principal's entry when it is stale (made for an earlier principal of that name): the fix recreates it. */
  staleEntry?: EntryFacts
  mapping?: MappingRef
  /** Null when unauthenticated. Templates are rendered when the session name is known, else kept. */
  username: string | null
  /** With `system:authenticated`, which Kubernetes adds to every authenticated request. */
  groups: string[]
  /** Access policies apply to access-entry identities only (aws-auth cannot carry them). */
  accessPolicies: PolicyGrant[]
  notes: IdentityNote[]
}

/** The lookups identity resolution makes, built once per cluster snapshot. */
export type AuthIndex = {
  facts: ClusterAuthFacts
  entryByPrincipal: ReadonlyMap<string, EntryFacts>
  mappingByArn: ReadonlyMap<string, { mapping: { arn: string; username?: string; groups: string[] }; ref: MappingRef }>
  mapAccounts: ReadonlySet<string>
}

/** `…:role/a/b/Name` → `…:role/Name`; role and user names are unique per account whatever their path. */
export function stripIamPath(arn: string): string {
  const m = /^(arn:[^:]+:iam::\d{12}:(?:role|user))\/(?:.*\/)?([^/]+)$/.exec(arn)
  return m ? `${m[1]}/${m[2]}` : arn
}

/** Indexes entries by path-less ARN and aws-auth rows by lower-cased ARN (the last row for an ARN wins). */
export function buildAuthIndex(facts: ClusterAuthFacts): AuthIndex {
  const entryByPrincipal = new Map(facts.accessEntries.map((e) => [stripIamPath(e.principalArn), e]))
  const mappingByArn = new Map<
    string,
    { mapping: { arn: string; username?: string; groups: string[] }; ref: MappingRef }
  >()
  const users = new Map<string, { mapping: { arn: string; username?: string; groups: string[] }; ref: MappingRef }>()
  // aws-iam-authenticator keys both maps by lower-cased ARN; later rows overwrite earlier ones, roles are looked up
  // before users (pkg/mapper/configmap).
  facts.awsAuth?.mapRoles.forEach((m, index) => {
    if (m.arn) mappingByArn.set(m.arn.toLowerCase(), { mapping: m, ref: { section: 'mapRoles', index, arn: m.arn } })
  })
  facts.awsAuth?.mapUsers.forEach((m, index) => {
    if (m.arn) users.set(m.arn.toLowerCase(), { mapping: m, ref: { section: 'mapUsers', index, arn: m.arn } })
  })
  for (const [arn, row] of users) if (!mappingByArn.has(arn)) mappingByArn.set(arn, row)
  return { facts, entryByPrincipal, mappingByArn, mapAccounts: new Set(facts.awsAuth?.mapAccounts ?? []) }
}

/** Renders aws-iam-authenticator's templates that the console can know; the others stay as written. */
export function renderUsernameTemplate(template: string, account: string, sessionName: string | undefined): string {
  let out = template.replace(/\{\{AccountID\}\}/g, account)
  if (sessionName !== undefined) {
    // The authenticator replaces `@` in {{SessionName}} so e-mail session names make valid usernames.
    out = out
      .replace(/\{\{SessionNameRaw\}\}/g, sessionName)
      .replace(/\{\{SessionName\}\}/g, sessionName.replace(/@/g, '-'))
  }
  return out
}

function withAuthenticated(groups: readonly string[]): string[] {
  return groups.includes('system:authenticated') ? [...groups] : [...groups, 'system:authenticated']
}

function isEntryStale(entry: EntryFacts, principal: PrincipalFacts | undefined): boolean {
  // EKS keeps the principal's unique ID; a role deleted and recreated under the same ARN is a new principal the old
  // entry no longer matches (docs/access-entries.md#the-accessentry-object). IAM does not expose the old ID, but a
  // principal created after its entry can only be such a recreation.
  if (!principal?.createdAt || !entry.createdAt) return false
  return Date.parse(principal.createdAt) > Date.parse(entry.createdAt)
}

/**
 * Resolves an IAM principal (role or user ARN, pathed or not, or an STS assumed-role session ARN) to the Kubernetes
 * identity it gets in one cluster. `sessionName` renders `{{SessionName}}` (a session ARN brings its own).
 */
export function resolveIdentity(
  index: AuthIndex,
  principalArn: string,
  options: { sessionName?: string; principal?: PrincipalFacts } = {},
): ResolvedIdentity {
  const parsed = parseArn(principalArn)
  const sessionName = options.sessionName ?? parsed?.sessionName
  const canonicalArn = stripIamPath(canonicalizeAssumedRole(principalArn))
  const account = parsed?.account ?? ''
  const mode = index.facts.authenticationMode
  const notes: IdentityNote[] = []
  const base: Pick<ResolvedIdentity, 'principalArn' | 'canonicalArn' | 'notes' | 'staleEntry'> = {
    principalArn,
    canonicalArn,
    notes,
  }
  if (options.principal && !options.principal.exists) notes.push({ code: 'principal-missing' })

  const entry = index.entryByPrincipal.get(canonicalArn)
  const row = index.mappingByArn.get(canonicalArn.toLowerCase())
  let entryApplies = false
  if (entry && mode === 'CONFIG_MAP') notes.push({ code: 'entry-ignored-config-map' })
  else if (entry && isEntryStale(entry, options.principal)) {
    base.staleEntry = entry
    notes.push({
      code: 'entry-stale',
      entryCreatedAt: entry.createdAt,
      principalCreatedAt: options.principal?.createdAt ?? null,
    })
  } else if (entry) entryApplies = true

  if (entry && entryApplies) {
    if (row && mode === 'API_AND_CONFIG_MAP')
      notes.push({
        code: 'mapping-shadowed-by-entry',
        arn: row.ref.arn,
        username: row.mapping.username ?? null,
        groups: row.mapping.groups,
      })
    const template = entry.username || defaultUsername(entry.principalArn, entry.type) || entry.principalArn
    return {
      ...base,
      via: 'access-entry',
      entry,
      username: renderUsernameTemplate(template, account, sessionName),
      groups: withAuthenticated(entry.kubernetesGroups),
      accessPolicies: entry.policies,
    }
  }
  if (row && mode === 'API') notes.push({ code: 'mapping-ignored-api', arn: row.ref.arn })
  if (mode !== 'API') {
    if (row) {
      // With no username the authenticator uses the canonical ARN.
      const username = renderUsernameTemplate(row.mapping.username || canonicalArn, account, sessionName)
      return {
        ...base,
        via: 'aws-auth',
        mapping: row.ref,
        username,
        groups: withAuthenticated(row.mapping.groups),
        accessPolicies: [],
      }
    }
    if (account && index.mapAccounts.has(account)) {
      const at = [...index.mapAccounts].indexOf(account)
      const mapping: MappingRef = { section: 'mapAccounts', index: at, arn: account }
      return {
        ...base,
        via: 'aws-auth',
        mapping,
        username: canonicalArn,
        groups: withAuthenticated([]),
        accessPolicies: [],
      }
    }
    const pathed = parsed?.path && parsed.path !== '/' ? principalArn.toLowerCase() : undefined
    const pathedRow = pathed ? index.mappingByArn.get(pathed) : undefined
    // A rolearn written with the role's path never matches: sessions carry no path (docs/aws-auth.md#matching).
    if (pathedRow) notes.push({ code: 'mapping-pathed-arn', arn: pathedRow.ref.arn })
  }
  return { ...base, via: null, username: null, groups: [], accessPolicies: [] }
}
