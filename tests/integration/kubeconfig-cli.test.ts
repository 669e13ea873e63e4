// The console's kubeconfig (lib/kubeconfig, through DescribeCluster on the sandbox) parsed and compared deeply with
// what the installed aws-cli 1.45 prints for `aws eks update-kubeconfig --dry-run` against the same sandbox.
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { parse } from 'yaml'

import { ADMIN_ACCESS_KEY } from '@/sandbox/core/seed-constants'
import { startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

vi.mock('server-only', () => ({}))

const run = promisify(execFile)
const ROLE = 'arn:aws:iam::111122223333:role/eks-developer'
let t: TestSandbox
let emptyFile: string
let profileConfig: string
const savedEnv = { ...process.env }

beforeAll(async () => {
  t = await startTestSandbox()
  emptyFile = join(t.stateDir, 'empty')
  await writeFile(emptyFile, '')
  profileConfig = join(t.stateDir, 'profile-config')
  await writeFile(
    profileConfig,
    `[profile dev]\nregion = us-west-2\naws_access_key_id = ${ADMIN_ACCESS_KEY.accessKeyId}\n` +
      `aws_secret_access_key = ${ADMIN_ACCESS_KEY.secretAccessKey}\n`,
  )
  // The console reads its AWS settings once, lazily (lib/env.ts): point it at this sandbox before the first call.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: t.url,
    AWS_ACCESS_KEY_ID: ADMIN_ACCESS_KEY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: ADMIN_ACCESS_KEY.secretAccessKey,
    AWS_REGION: 'us-west-2',
    AWS_CONFIG_FILE: emptyFile,
    AWS_SHARED_CREDENTIALS_FILE: emptyFile,
  })
})
afterAll(async () => {
  process.env = savedEnv
  await t?.stop()
})

/** `aws eks update-kubeconfig --dry-run` into a file that does not exist, i.e. the entries on a fresh config. */
async function cliKubeconfig(cluster: string, flags: string[], profile?: string): Promise<unknown> {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    PATH: process.env.PATH ?? '',
    HOME: t.stateDir,
    AWS_ENDPOINT_URL: t.url,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: emptyFile,
    ...(profile
      ? { AWS_CONFIG_FILE: profileConfig, AWS_PROFILE: profile }
      : {
          AWS_CONFIG_FILE: emptyFile,
          AWS_ACCESS_KEY_ID: ADMIN_ACCESS_KEY.accessKeyId,
          AWS_SECRET_ACCESS_KEY: ADMIN_ACCESS_KEY.secretAccessKey,
        }),
  }
  const args = ['eks', 'update-kubeconfig', '--name', cluster, '--region', 'us-west-2', '--dry-run']
  args.push('--kubeconfig', join(t.stateDir, 'no-such-kubeconfig'), ...flags)
  const { stdout } = await run('aws', args, { env, timeout: 30_000, encoding: 'utf8' })
  return parse(stdout)
}

const options = (o: Partial<Record<'roleArn' | 'profile' | 'alias' | 'userAlias', string>>) => ({
  roleArn: '',
  profile: '',
  alias: '',
  userAlias: '',
  ...o,
})

describe('generateKubeconfig matches aws eks update-kubeconfig --dry-run', () => {
  it.each([
    { name: 'defaults', cluster: 'prod-web', flags: [], opts: options({}) },
    { name: '--role-arn', cluster: 'ml-auto', flags: ['--role-arn', ROLE], opts: options({ roleArn: ROLE }) },
    { name: '--alias', cluster: 'prod-web', flags: ['--alias', 'prod'], opts: options({ alias: 'prod' }) },
    {
      name: '--user-alias and --alias',
      cluster: 'legacy-batch',
      flags: ['--alias', 'on', '--user-alias', 'batch-user'],
      opts: options({ alias: 'on', userAlias: 'batch-user' }),
    },
    { name: 'AWS_PROFILE', cluster: 'ml-auto', flags: [], profile: 'dev', opts: options({ profile: 'dev' }) },
    {
      name: 'everything',
      cluster: 'ml-auto',
      flags: ['--role-arn', ROLE, '--alias', 'ml', '--user-alias', 'ml-user'],
      profile: 'dev',
      opts: options({ roleArn: ROLE, profile: 'dev', alias: 'ml', userAlias: 'ml-user' }),
    },
  ])('$name', async ({ cluster, flags, profile, opts }) => {
    const { generateKubeconfig } = await import('@/lib/kubeconfig/server/kubeconfig-service')
    const ours = await generateKubeconfig({ region: 'us-west-2', name: cluster }, opts)
    expect(parse(ours.yaml)).toEqual(await cliKubeconfig(cluster, flags, profile))
  })

  it('produces the command that writes the same file', async () => {
    const { generateKubeconfig } = await import('@/lib/kubeconfig/server/kubeconfig-service')
    const ours = await generateKubeconfig(
      { region: 'us-west-2', name: 'ml-auto' },
      options({ roleArn: ROLE, alias: 'ml', profile: 'dev' }),
    )
    expect(ours.command).toBe(
      `aws eks update-kubeconfig \\\n  --region us-west-2 \\\n  --name ml-auto \\\n  --role-arn ${ROLE} \\\n  --alias ml \\\n  --profile dev`,
    )
    expect(ours.contextName).toBe('ml')
    const argv = ours.command.replaceAll('\\\n', ' ').split(/\s+/).slice(1)
    expect(parse(ours.yaml)).toEqual(await cliKubeconfig('ml-auto', [...argv.slice(2), '--dry-run'], 'dev'))
  })
})
