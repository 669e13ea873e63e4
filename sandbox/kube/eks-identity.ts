// The EKS identity mapping (aws-iam-authenticator + access entries; docs/access-entries.md#how-permissions-combine, docs/aws-auth.md#matching, docs/eks-token-and-kubeconfig.md#verifying-a-token): from a verified STS
// caller to the Kubernetes user the API server sees. Pure: the AWS-side wiring passes in the cluster's mode, its
// access entries, the aws-auth ConfigMap data and the caller.
import { isScalar, isSeq, parse, parseDocument } from 'yaml'

import type { UserInfo } from './types'

export type AuthenticationMode = 'API' | 'API_AND_CONFIG_MAP' | 'CONFIG_MAP'

export interface StsCaller {
  /** GetCallerIdentity Arn: `arn:aws:sts::<acct>:assumed-role/<role>/<session>` or `arn:aws:iam::<acct>:user/<path><name>`. */
  arn: string
  /** `AROA…:<session>` for role sessions, `AIDA…` for users. */
  userId: string
  account: string
  accessKeyId: string
}

export interface AccessEntryIdentity {
  principalArn: string
  /** The AROA…/AIDA… EKS recorded when the entry was created; a recreated role has a new ID and no longer matches. */
  principalId?: string | null
  type: string
  username?: string
  kubernetesGroups: string[]
}

export interface IdentityMappingInput {
  authenticationMode: AuthenticationMode
  accessEntries: readonly AccessEntryIdentity[]
  /** `kube-system/aws-auth` data (YAML strings), if the ConfigMap exists. */
  awsAuth?: { mapRoles?: string; mapUsers?: string; mapAccounts?: string }
  caller: StsCaller
  /** Resolves `{{EC2PrivateDNSName}}` from the instance ID in the session name (ec2:DescribeInstances upstream). */
  resolveEc2PrivateDnsName?: (instanceId: string) => string | undefined
  /**
   * The IAM principal that created the cluster with bootstrapClusterCreatorAdminPermissions=true. In CONFIG_MAP mode
   * it is mapped invisibly (never in aws-auth) to `kubernetes-admin` in `system:masters`; in the API modes EKS made
   * it an access entry instead.
   */
  clusterCreatorArn?: string
}

export interface ResolvedIdentity {
  user: UserInfo
  source: 'access-entry' | 'aws-auth' | 'cluster-creator'
  /** The matched entry (its principalArn keys the access-policy associations). */
  accessEntry?: AccessEntryIdentity
}

interface CanonicalCaller {
  canonicalArn: string
  sessionName: string
  partition: string
}

/**
 * aws-iam-authenticator's arn.Canonicalize: `assumed-role/<name>/<session>` becomes `arn:<p>:iam::<acct>:role/<name>`
 * — WITHOUT the role's path, which STS never reports. Users, roots and federated users are kept as they are.
 */
export function canonicalizeCallerArn(arn: string): CanonicalCaller | undefined {
  const m = /^arn:([^:]+):(sts|iam)::(\d{12}):(.+)$/.exec(arn)
  if (!m) return undefined
  const [, partition = 'aws', service, account, resource = ''] = m
  if (service === 'sts' && resource.startsWith('assumed-role/')) {
    const [, role, ...session] = resource.split('/')
    if (!role || session.length === 0) return undefined
    return { canonicalArn: `arn:${partition}:iam::${account}:role/${role}`, sessionName: session.join('/'), partition }
  }
  return { canonicalArn: arn, sessionName: '', partition }
}

/** Drops an IAM path: `…:role/aws-reserved/sso.amazonaws.com/us-west-2/Name` → `…:role/Name` (same for users). */
export function stripIamPath(arn: string): string {
  const m = /^(arn:[^:]+:iam::\d{12}:(role|user))\/(?:.*\/)?([^/]+)$/.exec(arn)
  return m ? `${m[1]}/${m[3]}` : arn
}

function renderTemplate(template: string, caller: StsCaller, sessionName: string, input: IdentityMappingInput): string {
  return (
    template
      .replace(/\{\{AccountID\}\}/g, caller.account)
      .replace(/\{\{SessionNameRaw\}\}/g, sessionName)
      // The authenticator replaces `@` so email-style session names make valid usernames.
      .replace(/\{\{SessionName\}\}/g, sessionName.replace(/@/g, '-'))
      .replace(/\{\{AccessKeyID\}\}/g, caller.accessKeyId)
      .replace(/\{\{EC2PrivateDNSName\}\}/g, () => input.resolveEc2PrivateDnsName?.(sessionName) ?? sessionName)
  )
}

/** The username EKS fills in when an entry has none (docs/access-entries.md#default-username table). */
export function buildDefaultEntryUsername(entry: AccessEntryIdentity): string {
  const type = entry.type.toUpperCase()
  if (type === 'EC2_LINUX' || type === 'EC2_WINDOWS' || type === 'EC2') return 'system:node:{{EC2PrivateDNSName}}'
  if (type === 'FARGATE_LINUX' || type === 'HYBRID_LINUX' || type === 'HYPERPOD_LINUX')
    return 'system:node:{{SessionName}}'
  const role = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(entry.principalArn)
  if (role) return `arn:${role[1]}:sts::${role[2]}:assumed-role/${role[3]}/{{SessionName}}`
  return entry.principalArn
}

/**
 * Whether an access entry is the caller's. Entry ARNs may carry an IAM path while the canonical caller ARN cannot
 * (STS drops it); role and user names are unique per account regardless of path, so comparing path-less ARNs is
 * exact. When the entry recorded a principal ID, the caller's unique ID must equal it too (a deleted and recreated
 * role with the same ARN does not inherit the entry).
 */
function entryMatches(entry: AccessEntryIdentity, canonical: CanonicalCaller, caller: StsCaller): boolean {
  if (stripIamPath(entry.principalArn) !== stripIamPath(canonical.canonicalArn)) return false
  const callerId = caller.userId.split(':')[0]
  return !entry.principalId || entry.principalId === callerId
}

interface AwsAuthMapping {
  arn: string
  username?: string
  groups?: string[]
}

function readScalarTexts(text: string): unknown[] {
  const doc = parseDocument(text)
  if (doc.errors.length > 0) throw new Error('unparseable')
  return isSeq(doc.contents) ? doc.contents.items.map((n) => (isScalar(n) ? String(n.source ?? n.value) : n)) : []
}

function parseYamlList(text: string | undefined, asStrings = false): unknown[] {
  if (!text) return []
  try {
    const v: unknown = asStrings ? readScalarTexts(text) : parse(text)
    return Array.isArray(v) ? v : []
  } catch {
    // The authenticator ignores an aws-auth it cannot parse: nobody maps through it.
    return []
  }
}

/** Go encoding/json field matching: the exact key first, else any key equal ignoring case (the last one read wins). */
function readField(o: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(o, name)) return o[name]
  let found: unknown
  for (const [key, value] of Object.entries(o)) if (key.toLowerCase() === name) found = value
  return found
}

/**
 * aws-iam-authenticator's ParseMap + saveMap (pkg/mapper/configmap): YAML → JSON → encoding/json into
 * []{rolearn|userarn, username, groups}. Keys match case-insensitively; a field of the wrong type is skipped (a
 * `groups: system:masters` string gives NO groups); the map is keyed by the lower-cased ARN, so the last entry for an
 * ARN wins; role mappings are looked up before user mappings.
 */
function readAwsAuthMappings(awsAuth: NonNullable<IdentityMappingInput['awsAuth']>): Map<string, AwsAuthMapping> {
  const byArn = new Map<string, AwsAuthMapping>()
  const read = (items: unknown[], key: 'rolearn' | 'userarn', into: Map<string, AwsAuthMapping>) => {
    for (const item of items) {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) continue
      const o = item as Record<string, unknown>
      const arn = readField(o, key)
      const username = readField(o, 'username')
      const groups = readField(o, 'groups')
      const mapping = {
        arn: typeof arn === 'string' ? arn : '',
        username: typeof username === 'string' ? username : undefined,
        groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
      }
      into.set(mapping.arn.toLowerCase(), mapping)
    }
  }
  const users = new Map<string, AwsAuthMapping>()
  read(parseYamlList(awsAuth.mapRoles), 'rolearn', byArn)
  read(parseYamlList(awsAuth.mapUsers), 'userarn', users)
  for (const [arn, mapping] of users) if (!byArn.has(arn)) byArn.set(arn, mapping)
  return byArn
}

function buildUser(
  username: string,
  groups: string[],
  caller: StsCaller,
  canonical: CanonicalCaller,
  input: IdentityMappingInput,
): UserInfo {
  const principalId = caller.userId
  return {
    username: renderTemplate(username, caller, canonical.sessionName, input),
    uid: `aws-iam-authenticator:${caller.account}:${principalId.split(':')[0]}`,
    groups: groups.map((g) => renderTemplate(g, caller, canonical.sessionName, input)),
    extra: {
      arn: [caller.arn],
      canonicalArn: [canonical.canonicalArn],
      sessionName: [canonical.sessionName],
      accessKeyId: [caller.accessKeyId],
      principalId: [principalId],
      'sigs.k8s.io/aws-iam-authenticator/principalId': [principalId],
    },
  }
}

/** Maps a caller and reports which mechanism matched; undefined = unauthenticated (401). */
export function resolveEksIdentity(input: IdentityMappingInput): ResolvedIdentity | undefined {
  const canonical = canonicalizeCallerArn(input.caller.arn)
  if (!canonical) return undefined
  if (input.authenticationMode !== 'CONFIG_MAP') {
    const entry = input.accessEntries.find((e) => entryMatches(e, canonical, input.caller))
    // API_AND_CONFIG_MAP: an access entry for the principal wins over its aws-auth mapping.
    if (entry)
      return {
        user: buildUser(
          entry.username || buildDefaultEntryUsername(entry),
          entry.kubernetesGroups,
          input.caller,
          canonical,
          input,
        ),
        source: 'access-entry',
        accessEntry: entry,
      }
  }
  if (
    input.authenticationMode === 'CONFIG_MAP' &&
    input.clusterCreatorArn &&
    stripIamPath(input.clusterCreatorArn) === stripIamPath(canonical.canonicalArn)
  )
    return {
      user: buildUser('kubernetes-admin', ['system:masters'], input.caller, canonical, input),
      source: 'cluster-creator',
    }
  if (input.authenticationMode === 'API' || !input.awsAuth) return undefined
  const target = canonical.canonicalArn.toLowerCase()
  // aws-auth matching is case-insensitive (strings.EqualFold) on the path-less canonical ARN.
  const mapping = readAwsAuthMappings(input.awsAuth).get(target)
  if (mapping)
    return {
      user: buildUser(mapping.username || canonical.canonicalArn, mapping.groups ?? [], input.caller, canonical, input),
      source: 'aws-auth',
    }
  // go-yaml decodes each scalar's text into []string, so an unquoted ID keeps its leading zeros.
  const accounts = parseYamlList(input.awsAuth.mapAccounts, true).map(String)
  if (accounts.includes(input.caller.account))
    return { user: buildUser(canonical.canonicalArn, [], input.caller, canonical, input), source: 'aws-auth' }
  return undefined
}

/** The EKS identity mapping as UserInfo (undefined when the caller maps to nobody). */
export function mapEksIdentity(input: IdentityMappingInput): UserInfo | undefined {
  return resolveEksIdentity(input)?.user
}
