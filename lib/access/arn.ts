// ARN parsing for the principals and resources the console shows. Format: arn:partition:service:region:account:resource
// (AWS General Reference, "ARN format"); IAM resources carry an optional path: role/<path>/<name>.

/** The parts of an ARN, with IAM/STS resource details split out. */
export type ParsedArn = {
  partition: string
  service: string
  region: string
  account: string
  /** Everything after the fifth colon, e.g. `role/dev/my-role`. */
  resource: string
  /** The resource type: `role`, `user`, `assumed-role`, `cluster`, `access-entry`, `root`… */
  resourceType: string
  /** IAM path with leading and trailing slash (`/` when none); `/` for non-IAM resources. */
  path: string
  /** The last meaningful name: role/user name, cluster name, session's role name. */
  name: string
  /** For `assumed-role/<role>/<session>` and `federated-user/<name>` only. */
  sessionName?: string
}

const ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws)?:(.+)$/

/** IAM resource types whose resource part is `<type><path><name>`. */
const PATHED_TYPES = new Set(['role', 'user', 'group', 'policy', 'instance-profile'])

/** Parses an ARN; returns undefined when it is not ARN-shaped. */
export function parseArn(arn: string): ParsedArn | undefined {
  const m = ARN.exec(arn)
  if (!m) return undefined
  const [, partition = '', service = '', region = '', account = '', resource = ''] = m
  const slash = resource.indexOf('/')
  const resourceType = slash === -1 ? resource : resource.slice(0, slash)
  const rest = slash === -1 ? '' : resource.slice(slash + 1)
  const base = { partition, service, region, account, resource, resourceType }
  if (service === 'sts' && resourceType === 'assumed-role') {
    const [roleName = '', ...session] = rest.split('/')
    if (!roleName || session.length === 0) return undefined
    return { ...base, path: '/', name: roleName, sessionName: session.join('/') }
  }
  if (service === 'sts' && resourceType === 'federated-user')
    return { ...base, path: '/', name: rest, sessionName: rest }
  if (service === 'iam' && PATHED_TYPES.has(resourceType)) {
    const lastSlash = rest.lastIndexOf('/')
    const name = rest.slice(lastSlash + 1)
    if (!name) return undefined
    return { ...base, path: lastSlash === -1 ? '/' : `/${rest.slice(0, lastSlash)}/`, name }
  }
  const parts = rest.split('/')
  const name = service === 'eks' && parts.length > 1 ? (parts[0] ?? '') : rest || resourceType
  return { ...base, path: '/', name }
}

/** Reports whether the ARN is an IAM role (any path, any account). */
export function isIamRoleArn(arn: string): boolean {
  const p = parseArn(arn)
  return p?.service === 'iam' && p.resourceType === 'role'
}

/** Reports whether the ARN is an IAM user (any path, any account). */
export function isIamUserArn(arn: string): boolean {
  const p = parseArn(arn)
  return p?.service === 'iam' && p.resourceType === 'user'
}

/**
 * Reports whether the ARN is a service-linked role. IAM puts every service-linked role under the reserved path
 * `/aws-service-role/<service>/`, and EKS refuses to let callers modify access entries for them.
 */
export function isServiceLinkedRole(arn: string): boolean {
  const p = parseArn(arn)
  return p?.service === 'iam' && p.resourceType === 'role' && p.path.startsWith('/aws-service-role/')
}

/**
 * Turns an STS assumed-role session ARN into the IAM role ARN aws-iam-authenticator matches on
 * (arn.Canonicalize): `arn:aws:sts::1:assumed-role/R/s` → `arn:aws:iam::1:role/R`. STS session ARNs never carry the
 * role's path, so the result has none either. Other ARNs are returned unchanged.
 */
export function canonicalizeAssumedRole(arn: string): string {
  const p = parseArn(arn)
  if (p?.service !== 'sts' || p.resourceType !== 'assumed-role') return arn
  return `arn:${p.partition}:iam::${p.account}:role/${p.name}`
}

/** Returns a short human label for a principal ARN: role/user name, `role/session` for sessions, else the ARN. */
export function principalDisplayName(arn: string): string {
  const p = parseArn(arn)
  if (!p) return arn
  if (p.resourceType === 'assumed-role') return `${p.name}/${p.sessionName ?? ''}`
  if (p.service === 'iam' && p.resourceType === 'root') return `Account ${p.account} (root)`
  if (p.service === 'iam' || p.service === 'sts') return p.name
  return arn
}
