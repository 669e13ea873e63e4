import { invalidParameter } from './errors'
import type { AccessEntryType, AccessScope } from './records'

// Access-entry validation as EKS applies it (docs/access-entries.md, docs/access-policies.md). Messages quoted in the reference are reproduced
// exactly; the others are marked UNVERIFIED where they are written.

export const ACCESS_ENTRY_TYPES: readonly AccessEntryType[] = [
  'STANDARD',
  'EC2_LINUX',
  'EC2_WINDOWS',
  'FARGATE_LINUX',
  'HYBRID_LINUX',
  'EC2',
  'HYPERPOD_LINUX',
]

export const NOT_STANDARD_MESSAGE = 'This operation can only be performed on Access Entries with a type of "STANDARD".'

export const SLR_MESSAGE =
  'The caller is not allowed to modify access entries with a principalArn value of a Service Linked Role'

export interface ParsedPrincipal {
  kind: 'role' | 'user'
  account: string
  /** The last path segment: what an assumed-role ARN keeps (paths are stripped by STS). */
  name: string
  /** `/` or `/a/b/`. */
  path: string
}

const PRINCIPAL_ARN = /^arn:(aws|aws-cn|aws-us-gov):(iam|sts)::(\d{12}):(.+)$/

/** Parses an access-entry principal ARN, rejecting STS sessions, groups and root (docs/access-entries.md#principals). */
export function parsePrincipalArn(arn: string): ParsedPrincipal {
  const match = PRINCIPAL_ARN.exec(arn)
  if (!match) throw invalidParameter(`The principalArn ${arn} is not a valid IAM principal ARN.`)
  const [, , service, account, resource] = match as unknown as [string, string, string, string, string]
  if (service === 'sts') {
    // A session ARN names no durable principal: EKS wants the role ARN the session came from.
    throw invalidParameter(
      `The principalArn ${arn} is an STS session ARN; specify the IAM role ARN (arn:aws:iam::${account}:role/<name>) instead.`,
    )
  }
  const parts = resource.split('/')
  const kind = parts[0]
  const name = parts[parts.length - 1] ?? ''
  if ((kind !== 'role' && kind !== 'user') || parts.length < 2 || name === '' || parts.some((p) => p === '')) {
    throw invalidParameter(`The principalArn ${arn} must be an IAM role or user ARN.`)
  }
  const middle = parts.slice(1, -1)
  return { kind, account, name, path: middle.length === 0 ? '/' : `/${middle.join('/')}/` }
}

/** Whether the ARN is a service-linked role (`role/aws-service-role/...`), which callers may not manage. */
export function isServiceLinkedRoleArn(arn: string): boolean {
  return /^arn:[a-z-]+:iam::\d{12}:role\/aws-service-role\//.test(arn)
}

/**
 * Resolves the `type` member (default STANDARD). The UG's CLI examples spell `EC2_Linux`, and the service accepts
 * them, so matching is case-insensitive and the canonical upper-case value is stored.
 */
export function resolveAccessEntryType(raw: string | undefined): AccessEntryType {
  if (raw === undefined) return 'STANDARD'
  const found = ACCESS_ENTRY_TYPES.find((t) => t === raw.toUpperCase())
  if (!found) {
    throw invalidParameter(`The type ${raw} is not valid. Valid types are: ${ACCESS_ENTRY_TYPES.join(', ')}.`)
  }
  return found
}

const RESERVED_USERNAME_PREFIXES = ['system:', 'eks:', 'aws:', 'amazon:', 'iam:']

/** Validates a custom username: no reserved prefix, and `{{SessionName}}` needs a `:` somewhere before it. */
export function validateUsername(username: string): void {
  if (username.length === 0) throw invalidParameter('The username must not be empty.')
  const reserved = RESERVED_USERNAME_PREFIXES.find((p) => username.toLowerCase().startsWith(p))
  if (reserved) throw invalidParameter(`The username must not begin with ${reserved}`)
  const at = username.indexOf('{{SessionName}}')
  if (at !== -1 && !username.slice(0, at).includes(':')) {
    // UNVERIFIED wording; the rule itself is from the UG (`john{{SessionName}}` invalid, `:john{{SessionName}}` valid).
    throw invalidParameter('The username must contain a ":" before {{SessionName}}.')
  }
}

/** Validates user-supplied Kubernetes groups: non-empty and never `system:` (so no `system:masters`). */
export function validateKubernetesGroups(groups: readonly string[]): void {
  for (const group of groups) {
    if (group.length === 0) throw invalidParameter('A kubernetes group name must not be empty.')
    if (group.toLowerCase().startsWith('system:')) {
      throw invalidParameter(`The kubernetes group name ${group} is invalid, it cannot start with system:`)
    }
  }
}

/** The username EKS assigns when none is given (UG table; role paths are stripped because STS strips them). */
export function buildDefaultUsername(principalArn: string, principal: ParsedPrincipal, type: AccessEntryType): string {
  switch (type) {
    case 'STANDARD':
      return principal.kind === 'user'
        ? principalArn
        : `arn:aws:sts::${principal.account}:assumed-role/${principal.name}/{{SessionName}}`
    case 'EC2_LINUX':
    case 'EC2_WINDOWS':
    // Auto Mode nodes are EC2 instances too; the UG leaves EC2's default UNVERIFIED, node-style is the best guess.
    case 'EC2':
      return 'system:node:{{EC2PrivateDNSName}}'
    case 'FARGATE_LINUX':
    case 'HYBRID_LINUX':
    case 'HYPERPOD_LINUX':
      return 'system:node:{{SessionName}}'
  }
}

/** The groups EKS sets on node entries itself (CLI sample: EC2_LINUX comes back with `system:nodes`). */
export function listSystemGroups(type: AccessEntryType): string[] {
  switch (type) {
    case 'STANDARD':
    case 'EC2':
      return []
    case 'EC2_WINDOWS':
      // aws-auth gives Windows node roles eks:kube-proxy-windows as well (docs/aws-auth.md#mappings-eks-writes).
      return ['system:nodes', 'eks:kube-proxy-windows']
    case 'FARGATE_LINUX':
      return ['system:nodes', 'system:node-proxier']
    case 'EC2_LINUX':
    case 'HYBRID_LINUX':
    case 'HYPERPOD_LINUX':
      return ['system:nodes']
  }
}

/**
 * Whether access policies may be associated with an entry of this type. STANDARD, and EC2 because Auto Mode's node
 * entries carry AmazonEKSAutoNodePolicy and the UG tells custom NodeClass users to associate it themselves (§5).
 */
export function acceptsAccessPolicies(type: AccessEntryType): boolean {
  return type === 'STANDARD' || type === 'EC2'
}

/** Validates an accessScope: type cluster|namespace; namespace needs ≥1 namespace (wildcards such as `dev-*` allowed). */
export function parseAccessScope(value: unknown): AccessScope {
  if (!value || typeof value !== 'object') throw invalidParameter('accessScope is required.')
  const { type, namespaces } = value as { type?: unknown; namespaces?: unknown }
  if (type !== 'cluster' && type !== 'namespace') {
    throw invalidParameter(`accessScope.type must be one of [cluster, namespace] (got ${String(type)}).`)
  }
  const list = namespaces === undefined || namespaces === null ? [] : namespaces
  if (!Array.isArray(list) || list.some((n) => typeof n !== 'string' || n.length === 0 || n.length > 63)) {
    throw invalidParameter('accessScope.namespaces must be a list of namespace names.')
  }
  if (type === 'namespace' && list.length === 0) {
    throw invalidParameter('At least one namespace must be specified when accessScope.type is namespace.')
  }
  if (type === 'cluster' && list.length > 0) {
    throw invalidParameter('Namespaces can only be specified when accessScope.type is namespace.')
  }
  return { type, namespaces: [...new Set(list as string[])] }
}
