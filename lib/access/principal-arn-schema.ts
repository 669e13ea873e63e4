// Who may have an access entry: IAM roles and users of any account, paths allowed (EKS user guide; docs/access-entries.md#principals).
import { singleLineText } from '@/lib/validation/text-fields'

import { canonicalizeAssumedRole, isServiceLinkedRole, parseArn } from './arn'

const ARN_EXAMPLE = 'arn:aws:iam::111122223333:role/my-role'
const IAM_NAME = /^[\w+=,.@-]{1,128}$/
const IAM_PATH = /^\/([\x21-\x7e]+\/)*$/

/** Reports why an ARN cannot be an access entry principal, or undefined when it can. */
export function findPrincipalArnProblem(value: string): string | undefined {
  if (value === '') return `Enter the ARN of an IAM role or user, like ${ARN_EXAMPLE}.`
  const arn = parseArn(value)
  if (!arn || !/^\d{12}$/.test(arn.account)) return `That is not an IAM ARN. It should look like ${ARN_EXAMPLE}.`
  if (arn.service === 'sts' && arn.resourceType === 'assumed-role') {
    return `This is an STS session ARN. Use the IAM role instead: ${canonicalizeAssumedRole(value)} (add the role's path if it has one).`
  }
  if (arn.service !== 'iam') return `Only IAM roles and users can have access entries, not ${arn.service} resources.`
  if (arn.resourceType === 'group') {
    return 'IAM groups cannot have access entries. Create an entry for a role the group members assume, or for each user.'
  }
  if (arn.resourceType !== 'role' && arn.resourceType !== 'user') {
    return `Only IAM roles and users can have access entries, not "${arn.resourceType}".`
  }
  if (isServiceLinkedRole(value)) {
    return 'Service-linked roles (role/aws-service-role/…) are managed by AWS; EKS does not allow access entries for them to be created or changed.'
  }
  if (!IAM_NAME.test(arn.name) || !IAM_PATH.test(arn.path)) {
    return `The ${arn.resourceType} name or path contains characters IAM does not allow.`
  }
  return undefined
}

/** An IAM role or user ARN (any account, paths allowed). */
export const principalArnSchema = singleLineText({
  error: `Enter the ARN of an IAM role or user, like ${ARN_EXAMPLE}.`,
})
  .trim()
  .superRefine((value, ctx) => {
    const problem = findPrincipalArnProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
