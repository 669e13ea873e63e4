import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { afterEach, describe, expect, it } from 'vitest'

import { ROLE_ARNS } from '@/sandbox/core/seed-constants'
import { startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }],
})

let running: TestSandbox | undefined

afterEach(async () => {
  await running?.stop()
  running = undefined
})

async function roleExists(iam: IAMClient, name: string): Promise<boolean> {
  try {
    await iam.send(new GetRoleCommand({ RoleName: name }))
    return true
  } catch (e) {
    if ((e as Error).name === 'NoSuchEntityException') return false
    throw e
  }
}

describe('state persistence', () => {
  it('keeps created roles and STS sessions across a restart; reset restores the seed', async () => {
    const first = await startTestSandbox()
    const iam1 = new IAMClient({ ...first.admin, maxAttempts: 1 })
    await iam1.send(new CreateRoleCommand({ RoleName: 'survives-restart', AssumeRolePolicyDocument: trust }))
    const assumed = await new STSClient(first.admin).send(
      new AssumeRoleCommand({ RoleArn: ROLE_ARNS.ReadOnlyAuditor, RoleSessionName: 'audit' }),
    )
    await first.stop({ keepState: true })
    const saved = JSON.parse(await readFile(join(first.stateDir, 'world.json'), 'utf8')) as {
      world: { iam: { roles: { name: string }[] } }
    }
    expect(saved.world.iam.roles.map((r) => r.name)).toContain('survives-restart')

    running = await startTestSandbox({ stateDir: first.stateDir })
    const iam2 = new IAMClient({ ...running.admin, maxAttempts: 1 })
    expect(await roleExists(iam2, 'survives-restart')).toBe(true)
    const session = running.configFor({
      accessKeyId: assumed.Credentials?.AccessKeyId ?? '',
      secretAccessKey: assumed.Credentials?.SecretAccessKey ?? '',
      sessionToken: assumed.Credentials?.SessionToken,
    })
    expect((await new STSClient(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(
      'arn:aws:sts::111122223333:assumed-role/ReadOnlyAuditor/audit',
    )

    const reset = await fetch(`${running.url}/_sandbox/reset`, { method: 'POST' })
    expect(reset.status).toBe(200)
    expect(await roleExists(iam2, 'survives-restart')).toBe(false)
    expect(await roleExists(iam2, 'PlatformAdmin')).toBe(true)
  })

  it('starts from the seed when asked for a fresh start', async () => {
    const first = await startTestSandbox()
    await new IAMClient({ ...first.admin, maxAttempts: 1 }).send(
      new CreateRoleCommand({ RoleName: 'gone-when-fresh', AssumeRolePolicyDocument: trust }),
    )
    await first.stop({ keepState: true })
    running = await startTestSandbox({ stateDir: first.stateDir, fresh: true })
    expect(await roleExists(new IAMClient({ ...running.admin, maxAttempts: 1 }), 'gone-when-fresh')).toBe(false)
  })

  it('coalesces a burst of writes into a valid state file', async () => {
    running = await startTestSandbox()
    const iam = new IAMClient({ ...running.admin, maxAttempts: 1 })
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        iam.send(new CreateRoleCommand({ RoleName: `burst-${i}`, AssumeRolePolicyDocument: trust })),
      ),
    )
    await running.sandbox.close()
    const saved = JSON.parse(await readFile(join(running.stateDir, 'world.json'), 'utf8')) as {
      world: { iam: { roles: { name: string }[] } }
    }
    expect(saved.world.iam.roles.filter((r) => r.name.startsWith('burst-'))).toHaveLength(20)
    await rm(running.stateDir, { recursive: true, force: true })
    running = undefined
  })
})
