import 'server-only'

import { CreateRoleCommand, GetRoleCommand, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam'

import { ConsoleError } from '@/lib/api/console-error'

import { configuredAwsEndpoint, getIamClient } from './aws-clients'
import { toConsoleError } from './aws-errors'

/** A role as the workload-identity checks need it: ARN and the trust policy as IAM stores it (URL-encoded JSON). */
export type IamRoleTrust = { arn: string; name: string; trustPolicyDocument: string }

const iamContext = (region: string, notFoundMessage?: string) => ({
  service: 'IAM' as const,
  region,
  endpoint: configuredAwsEndpoint(),
  notFoundMessage,
})

/** GetRole by ARN (IAM looks roles up by name; the path is not part of the name). `undefined` when IAM has none. */
export async function getRoleTrust(region: string, roleArn: string): Promise<IamRoleTrust | undefined> {
  // arn:aws:iam::<account>:role/<path/><name>: the name is the last segment.
  const name = roleArn.startsWith('arn:') ? roleArn.slice(roleArn.lastIndexOf('/') + 1) || roleArn : roleArn
  try {
    const { Role } = await getIamClient(region).send(new GetRoleCommand({ RoleName: name }))
    if (!Role?.Arn) return undefined
    return { arn: Role.Arn, name: Role.RoleName ?? name, trustPolicyDocument: Role.AssumeRolePolicyDocument ?? '' }
  } catch (error) {
    if ((error as { name?: unknown })?.name === 'NoSuchEntityException') return undefined
    throw toConsoleError(error, iamContext(region))
  }
}

/** UpdateAssumeRolePolicy: replaces the whole trust policy with `document` (plain JSON). */
export async function updateRoleTrustPolicy(region: string, roleName: string, document: string): Promise<void> {
  try {
    await getIamClient(region).send(new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: document }))
  } catch (error) {
    throw toConsoleError(error, iamContext(region, `IAM has no role named ${roleName}.`))
  }
}

/** CreateRole with a trust policy; a taken name is a 409 with the issue on `roleName`. */
export async function createIamRole(
  region: string,
  input: { roleName: string; trustPolicy: string; description?: string },
): Promise<{ arn: string; name: string }> {
  try {
    const { Role } = await getIamClient(region).send(
      new CreateRoleCommand({
        RoleName: input.roleName,
        AssumeRolePolicyDocument: input.trustPolicy,
        Description: input.description || undefined,
      }),
    )
    return { arn: Role?.Arn ?? '', name: Role?.RoleName ?? input.roleName }
  } catch (error) {
    if ((error as { name?: unknown })?.name === 'EntityAlreadyExistsException') {
      const text = `A role named ${input.roleName} already exists. Pick another name, or choose that role instead.`
      throw new ConsoleError('conflict', text, { cause: error, issues: [{ path: ['roleName'], message: text }] })
    }
    throw toConsoleError(error, iamContext(region))
  }
}
