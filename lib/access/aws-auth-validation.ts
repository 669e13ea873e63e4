// Checks on one aws-auth mapping, from how aws-iam-authenticator matches and renders them (reference §6).
import { canonicalizeAssumedRole, isIamRoleArn, isIamUserArn, parseArn } from './arn'

/** Template variables aws-iam-authenticator renders in username and groups. */
export const awsAuthTemplateVariables = [
  'AccountID',
  'SessionName',
  'SessionNameRaw',
  'AccessKeyID',
  'EC2PrivateDNSName',
] as const

export type AwsAuthMappingProblem = { severity: 'error' | 'warning'; message: string }

type MappingLike = { kind: 'role' | 'user'; arn: string; username?: string; groups: readonly string[] }

function findTemplateProblems(text: string, where: string, kind: 'role' | 'user'): AwsAuthMappingProblem[] {
  const problems: AwsAuthMappingProblem[] = []
  for (const match of text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
    const name = match[1] ?? ''
    if (!(awsAuthTemplateVariables as readonly string[]).includes(name)) {
      problems.push({
        severity: 'error',
        message: `${where} uses {{${name}}}, which the authenticator does not know. Known: ${awsAuthTemplateVariables.map((v) => `{{${v}}}`).join(', ')}.`,
      })
    } else if (
      kind === 'user' &&
      (name === 'SessionName' || name === 'SessionNameRaw' || name === 'EC2PrivateDNSName')
    ) {
      // IAM users have no role session, so these render empty or fail.
      problems.push({ severity: 'warning', message: `${where} uses {{${name}}}, which only makes sense for roles.` })
    }
  }
  return problems
}

/** Returns everything wrong or risky about one mapping (empty when it is fine). */
export function validateAwsAuthMapping(mapping: MappingLike): AwsAuthMappingProblem[] {
  const problems: AwsAuthMappingProblem[] = []
  const arn = parseArn(mapping.arn)
  const key = mapping.kind === 'role' ? 'rolearn' : 'userarn'
  if (mapping.arn === '')
    problems.push({ severity: 'error', message: `The entry has no ${key}, so it matches nobody.` })
  else if (mapping.kind === 'role' && arn?.resourceType === 'assumed-role') {
    problems.push({
      severity: 'error',
      message: `rolearn is an STS session ARN; use the role ARN ${canonicalizeAssumedRole(mapping.arn)} instead.`,
    })
  } else if (mapping.kind === 'role' && !isIamRoleArn(mapping.arn)) {
    problems.push({ severity: 'error', message: `rolearn "${mapping.arn}" is not an IAM role ARN.` })
  } else if (mapping.kind === 'user' && !isIamUserArn(mapping.arn)) {
    problems.push({ severity: 'error', message: `userarn "${mapping.arn}" is not an IAM user ARN.` })
  } else if (mapping.kind === 'role' && arn && arn.path !== '/') {
    // The authenticator canonicalizes the caller's assumed-role ARN to arn:…:role/<name>: STS session ARNs never
    // carry the role's path, so a pathed rolearn can never match.
    problems.push({
      severity: 'error',
      message: `Remove the path from rolearn: aws-auth compares against arn:${arn.partition}:iam::${arn.account}:role/${arn.name}, because role sessions lose the path.`,
    })
  }
  if (mapping.username === undefined || mapping.username === '') {
    problems.push({
      severity: 'warning',
      message: 'No username is set; give one so RBAC bindings and audit logs can name this principal.',
    })
  } else {
    problems.push(...findTemplateProblems(mapping.username, 'The username', mapping.kind))
  }
  for (const group of mapping.groups) problems.push(...findTemplateProblems(group, `The group ${group}`, mapping.kind))
  if (mapping.groups.includes('system:masters')) {
    problems.push({
      severity: 'warning',
      message:
        'system:masters is a superuser group that bypasses RBAC and cannot be migrated to an access entry group; use AmazonEKSClusterAdminPolicy there.',
    })
  }
  return problems
}
