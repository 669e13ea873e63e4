import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { USER_ACCESS_KEYS, type SeedUserName } from '@/sandbox/core/seed-constants'
import { startSandbox, type RunningSandbox } from '@/sandbox/start-sandbox'

// The SDK warns about Node 20 on every client; the warning is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

/** What an AWS SDK v3 client constructor needs to talk to the sandbox as one principal. */
export interface SandboxClientConfig {
  endpoint: string
  region: string
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  /** Tests fail fast: fault-injection tests set their own retry settings. */
  maxAttempts?: number
}

export interface TestSandbox {
  sandbox: RunningSandbox
  url: string
  stateDir: string
  /** Client config for the admin user (the documentation key pair). */
  admin: SandboxClientConfig
  /** Client configs per seeded IAM user (admin, alice, bob, carol). */
  users: Record<SeedUserName, SandboxClientConfig>
  /** Builds a config for other credentials (e.g. from AssumeRole) or another region. */
  configFor(credentials: SandboxClientConfig['credentials'], region?: string): SandboxClientConfig
  /** Stops the sandbox and removes its temp state dir (unless `keepState`). */
  stop(opts?: { keepState?: boolean }): Promise<void>
}

/**
 * Starts a fresh sandbox on a free port with its state in a new temp dir (or `stateDir`, to test persistence), and
 * returns SDK client configs. Call `stop()` in afterAll.
 */
export async function startTestSandbox(
  opts: { scale?: 'default' | 'large'; stateDir?: string; fresh?: boolean } = {},
): Promise<TestSandbox> {
  const stateDir = opts.stateDir ?? (await mkdtemp(join(tmpdir(), 'sandbox-test-')))
  const sandbox = await startSandbox({
    port: 0,
    stateDir,
    scale: opts.scale ?? 'default',
    fresh: opts.fresh ?? opts.stateDir === undefined,
  })
  const configFor = (credentials: SandboxClientConfig['credentials'], region = 'us-west-2'): SandboxClientConfig => ({
    endpoint: sandbox.url,
    region,
    credentials,
  })
  const users = Object.fromEntries(
    Object.entries(USER_ACCESS_KEYS).map(([name, key]) => [name, configFor({ ...key })]),
  ) as Record<SeedUserName, SandboxClientConfig>
  return {
    sandbox,
    url: sandbox.url,
    stateDir,
    admin: users.admin,
    users,
    configFor,
    async stop(stopOpts = {}) {
      await sandbox.close()
      if (!stopOpts.keepState) await rm(stateDir, { recursive: true, force: true })
    },
  }
}

/** What an AWS SDK v3 call failed with: the exception name (e.g. `NoSuchEntityException`), HTTP status, message. */
export interface CapturedAwsError {
  name: string
  status: number | undefined
  message: string
  attempts: number | undefined
}

/** Awaits a call that must fail and returns its SDK error; throws if it succeeded. */
export async function captureAwsError(call: Promise<unknown>): Promise<CapturedAwsError> {
  try {
    await call
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number; attempts?: number } }
    return {
      name: err.name,
      status: err.$metadata?.httpStatusCode,
      message: err.message,
      attempts: err.$metadata?.attempts,
    }
  }
  throw new Error('expected the AWS call to fail, but it succeeded')
}

/** A trust policy allowing sts:AssumeRole to one Principal element. */
export function buildTrustPolicy(principal: object): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }],
  })
}
