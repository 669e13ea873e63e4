// Rules for one aws-auth mapping, from how aws-iam-authenticator matches and renders them
// (https://github.com/kubernetes-sigs/aws-iam-authenticator#full-configuration-format and
// https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html). The same functions check entries already in
// the ConfigMap (parser) and what a person types (the zod schema shared by form and route).
import { canonicalizeAssumedRole, isIamRoleArn, isIamUserArn, parseArn } from '@/lib/access/arn'

/** Template variables aws-iam-authenticator renders in username and groups. */
export const awsAuthTemplateVariables = [
  'AccountID',
  'SessionName',
  'SessionNameRaw',
  'AccessKeyID',
  'EC2PrivateDNSName',
] as const

/** Variables that come from a role session; an IAM user has none. */
const ROLE_ONLY_VARIABLES = new Set(['SessionName', 'SessionNameRaw', 'EC2PrivateDNSName'])

export type AwsAuthMappingProblem = { severity: 'error' | 'warning'; message: string }

type MappingLike = { kind: 'role' | 'user'; arn: string; username?: string; groups: readonly string[] }

/** The path-less role ARN aws-auth must hold, or undefined when `arn` is not a pathed IAM role ARN. */
export function stripRolePath(arn: string): string | undefined {
  const parsed = parseArn(arn)
  if (!parsed || parsed.service !== 'iam' || parsed.resourceType !== 'role' || parsed.path === '/') return undefined
  return `arn:${parsed.partition}:iam::${parsed.account}:role/${parsed.name}`
}

/** Why `arn` cannot be matched as a `rolearn`/`userarn`, or undefined when it can. */
export function findAwsAuthArnProblem(kind: 'role' | 'user', arn: string): string | undefined {
  const key = kind === 'role' ? 'rolearn' : 'userarn'
  if (arn === '') return `Enter the ${key}: the ARN of an IAM ${kind}.`
  if (arn !== arn.trim()) return `The ${key} has spaces around it; the authenticator compares it exactly.`
  const parsed = parseArn(arn)
  if (kind === 'role' && parsed?.resourceType === 'assumed-role') {
    return `This is an STS session ARN; map the role instead: ${canonicalizeAssumedRole(arn)}.`
  }
  if (kind === 'role' && !isIamRoleArn(arn))
    return `"${arn}" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>).`
  if (kind === 'user' && !isIamUserArn(arn))
    return `"${arn}" is not an IAM user ARN (arn:aws:iam::<account>:user/<name>).`
  const stripped = stripRolePath(arn)
  if (stripped) {
    // The authenticator canonicalizes the caller's assumed-role ARN to arn:…:role/<name>; STS session ARNs never carry
    // the role's path, so a pathed rolearn never matches anyone.
    return `Remove the path: use ${stripped}. Role sessions lose the path, so aws-auth only matches the ARN without it.`
  }
  return undefined
}

function findTemplateProblems(text: string, where: string, kind: 'role' | 'user'): AwsAuthMappingProblem[] {
  const problems: AwsAuthMappingProblem[] = []
  if (/\{\{(?![^{}]*\}\})/.test(text) || /(?<!\{\{[^{}]*)\}\}/.test(text)) {
    problems.push({ severity: 'error', message: `${where} has an unclosed template; write variables as {{Name}}.` })
  }
  for (const match of text.matchAll(/\{\{([^{}]*)\}\}/g)) {
    const name = match[1] ?? ''
    if (!(awsAuthTemplateVariables as readonly string[]).includes(name)) {
      problems.push({
        severity: 'error',
        message: `${where} uses {{${name}}}, which the authenticator does not render. Known: ${awsAuthTemplateVariables.map((v) => `{{${v}}}`).join(', ')}.`,
      })
    } else if (kind === 'user' && ROLE_ONLY_VARIABLES.has(name)) {
      problems.push({
        severity: 'error',
        message: `${where} uses {{${name}}}, which needs a role session; IAM users have none.`,
      })
    }
  }
  return problems
}

/** Problems with a username (empty list when fine). */
export function findUsernameProblems(kind: 'role' | 'user', username: string): AwsAuthMappingProblem[] {
  if (username.trim() === '') {
    return [{ severity: 'error', message: 'Enter a username: RBAC bindings and audit logs name the principal by it.' }]
  }
  if (/\s/.test(username)) return [{ severity: 'error', message: 'The username cannot contain spaces.' }]
  const problems = findTemplateProblems(username, 'The username', kind)
  const isNodeName = /^system:node:\{\{(EC2PrivateDNSName|SessionName)\}\}$/.test(username)
  if (username.startsWith('system:') && !isNodeName) {
    problems.push({
      severity: 'warning',
      message: 'Usernames starting with system: are reserved for Kubernetes components; pick a name of your own.',
    })
  }
  return problems
}

/** Problems with one group name (empty list when fine). */
export function findGroupProblems(kind: 'role' | 'user', group: string): AwsAuthMappingProblem[] {
  if (group === '' || /\s/.test(group)) {
    return [{ severity: 'error', message: `The group "${group}" is empty or contains spaces.` }]
  }
  return findTemplateProblems(group, `The group ${group}`, kind)
}

/** Returns everything wrong or risky about one mapping read from the ConfigMap (empty when it is fine). */
export function validateAwsAuthMapping(mapping: MappingLike): AwsAuthMappingProblem[] {
  const problems: AwsAuthMappingProblem[] = []
  const arnProblem = findAwsAuthArnProblem(mapping.kind, mapping.arn)
  if (arnProblem) problems.push({ severity: 'error', message: arnProblem })
  if (mapping.username === undefined || mapping.username === '') {
    problems.push({
      severity: 'warning',
      message: 'No username is set; give one so RBAC bindings and audit logs can name this principal.',
    })
  } else {
    problems.push(...findUsernameProblems(mapping.kind, mapping.username))
  }
  for (const group of mapping.groups) problems.push(...findGroupProblems(mapping.kind, group))
  return problems
}
