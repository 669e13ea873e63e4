// kubectl (already on the machine) with the kubeconfig the console generates: its exec plugin runs the installed
// `aws eks get-token` against the sandbox, whose Kubernetes API authenticates the token as EKS does.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { ROLE_ARNS, USER_ACCESS_KEYS, USER_ARNS, type SeedUserName } from '@/sandbox/core/seed-constants'
import { startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

vi.mock('server-only', () => ({}))
const { generateKubeconfig } = await import('@/lib/kubeconfig/server/kubeconfig-service')

const run = promisify(execFile)
const savedEnv = { ...process.env }
let aws: TestSandbox
let dir: string
let written = 0

beforeAll(async () => {
  aws = await startTestSandbox()
  dir = await mkdtemp(join(tmpdir(), 'kubeconfig-kubectl-'))
  await writeFile(join(dir, 'empty'), '')
  // A profile for the AWS_PROFILE case: the exec plugin must find alice's keys through it.
  await writeFile(
    join(dir, 'profiles'),
    `[profile team-a]\naws_access_key_id = ${USER_ACCESS_KEYS.alice.accessKeyId}\n` +
      `aws_secret_access_key = ${USER_ACCESS_KEYS.alice.secretAccessKey}\n`,
  )
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: aws.url,
    AWS_ACCESS_KEY_ID: USER_ACCESS_KEYS.admin.accessKeyId,
    AWS_SECRET_ACCESS_KEY: USER_ACCESS_KEYS.admin.secretAccessKey,
    AWS_REGION: 'us-west-2',
    AWS_CONFIG_FILE: join(dir, 'empty'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'empty'),
  })
})
afterAll(async () => {
  process.env = savedEnv
  await aws?.stop()
  await rm(dir, { recursive: true, force: true })
})

type Options = { roleArn?: string; profile?: string; alias?: string }

/** The console's kubeconfig for `cluster`, written to a file. */
async function consoleKubeconfig(cluster: string, options: Options = {}): Promise<string> {
  const generated = await generateKubeconfig(
    { region: 'us-west-2', name: cluster },
    { roleArn: '', profile: '', alias: '', userAlias: '', ...options },
  )
  const file = join(dir, `${cluster}-${++written}.yaml`)
  await writeFile(file, generated.yaml)
  return file
}

/**
 * Runs kubectl with only what its exec plugin needs: the sandbox endpoint and `user`'s keys (or a profile file),
 * empty AWS config files, its own HOME and cache dir.
 */
async function kubectl(kubeconfig: string, as: SeedUserName | { profileFile: string }, ...args: string[]) {
  const keys =
    typeof as === 'string'
      ? {
          AWS_ACCESS_KEY_ID: USER_ACCESS_KEYS[as].accessKeyId,
          AWS_SECRET_ACCESS_KEY: USER_ACCESS_KEYS[as].secretAccessKey,
          AWS_CONFIG_FILE: join(dir, 'empty'),
        }
      : { AWS_CONFIG_FILE: as.profileFile }
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'test',
    PATH: process.env.PATH ?? '',
    HOME: dir,
    KUBECONFIG: kubeconfig,
    AWS_ENDPOINT_URL: aws.url,
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'empty'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...keys,
  }
  try {
    const { stdout, stderr } = await run('kubectl', ['--cache-dir', join(dir, 'cache'), ...args], {
      env,
      timeout: 25_000,
    })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' }
  }
}

describe('kubectl with the console’s kubeconfig', () => {
  it('lists pods in every namespace, says who it is and answers can-i (admin)', async () => {
    const kc = await consoleKubeconfig('prod-web')
    const pods = await kubectl(kc, 'admin', 'get', 'pods', '-A', '-o', 'name')
    expect(pods).toMatchObject({ code: 0, stderr: '' })
    expect(pods.stdout.trim().split('\n').length).toBeGreaterThan(5)
    const whoami = await kubectl(kc, 'admin', 'auth', 'whoami', '-o', 'json')
    expect(JSON.parse(whoami.stdout).status.userInfo.username).toBe(USER_ARNS.admin)
    expect(await kubectl(kc, 'admin', 'auth', 'can-i', 'delete', 'nodes')).toMatchObject({ code: 0, stdout: 'yes\n' })
  })

  it('assumes the chosen role (--role) and is Forbidden outside its namespace', async () => {
    const kc = await consoleKubeconfig('prod-web', { roleArn: ROLE_ARNS.TeamBDeveloper, alias: 'team-b' })
    const contexts = await kubectl(kc, 'bob', 'config', 'current-context')
    expect(contexts.stdout.trim()).toBe('team-b')
    expect(await kubectl(kc, 'bob', 'auth', 'can-i', 'create', 'configmaps', '-n', 'team-b')).toMatchObject({
      code: 0,
      stdout: 'yes\n',
    })
    // `kubectl auth can-i` exits 1 for "no".
    expect(await kubectl(kc, 'bob', 'auth', 'can-i', 'list', 'pods', '-n', 'team-a')).toMatchObject({
      code: 1,
      stdout: 'no\n',
    })
    const denied = await kubectl(kc, 'bob', 'get', 'pods', '-n', 'team-a')
    expect(denied.code).toBe(1)
    expect(denied.stderr).toContain('Error from server (Forbidden): pods is forbidden: User "team-b:EKSGetTokenAuth"')
  })

  it('runs the token command under the chosen AWS_PROFILE', async () => {
    const kc = await consoleKubeconfig('legacy-batch', { profile: 'team-a' })
    const whoami = await kubectl(kc, { profileFile: join(dir, 'profiles') }, 'auth', 'whoami', '-o', 'json')
    expect(whoami).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(whoami.stdout).status.userInfo).toMatchObject({ username: 'alice' })
  })

  it('tells a principal without access that it must log in', async () => {
    const denied = await kubectl(await consoleKubeconfig('prod-web'), 'carol', 'get', 'pods')
    expect(denied.code).toBe(1)
    expect(denied.stderr).toContain('You must be logged in to the server')
  })
})
