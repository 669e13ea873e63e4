// IAM roles a spec creates in the sandbox for itself (so it does not depend on, or change, the seeded ones).
import { CreateRoleCommand, DeleteRoleCommand, IAMClient } from '@aws-sdk/client-iam'

import { USER_ACCESS_KEYS } from '@/sandbox/core/seed-constants'

import { SANDBOX_URL } from './sandbox-url'

// The SDK warns about Node 20 on every client; the warning is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

const iam = () =>
  new IAMClient({ endpoint: SANDBOX_URL, region: 'us-east-1', credentials: USER_ACCESS_KEYS.admin, maxAttempts: 1 })

/** Creates an IAM role of the spec's own in the sandbox (trusting the account root) and answers its ARN. */
export async function createSandboxRole(name: string): Promise<string> {
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }],
  }
  const { Role } = await iam().send(
    new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify(trust) }),
  )
  if (!Role?.Arn) throw new Error('CreateRole returned no ARN')
  return Role.Arn
}

/** Deletes a role {@link createSandboxRole} made; a role already gone is fine. */
export async function deleteSandboxRole(name: string): Promise<void> {
  await iam()
    .send(new DeleteRoleCommand({ RoleName: name }))
    .catch((error: { name?: string }) => {
      if (error.name !== 'NoSuchEntityException') throw error
    })
}
