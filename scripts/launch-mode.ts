import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

export type LaunchMode = { kind: 'sandbox'; reason: string } | { kind: 'aws'; reason: string }

// Any of these means the person has pointed the SDK's default credential chain at a real account.
const awsEnvironmentSignals = [
  'AWS_ACCESS_KEY_ID',
  'AWS_PROFILE',
  'AWS_ENDPOINT_URL',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
]

/**
 * Decides whether `npm start` runs on the sandbox: forced by CONSOLE_SANDBOX=1/0, otherwise the sandbox is used
 * exactly when nothing in the environment or ~/.aws configures AWS (an instance role needs CONSOLE_SANDBOX=0).
 */
export function decideMode(env: Record<string, string | undefined>, home = homedir()): LaunchMode {
  if (env.CONSOLE_SANDBOX === '1' || env.CONSOLE_SANDBOX === 'true')
    return { kind: 'sandbox', reason: 'CONSOLE_SANDBOX=1' }
  if (env.CONSOLE_SANDBOX === '0' || env.CONSOLE_SANDBOX === 'false')
    return { kind: 'aws', reason: 'CONSOLE_SANDBOX=0' }
  const signal = awsEnvironmentSignals.find((name) => env[name])
  if (signal) return { kind: 'aws', reason: `${signal} is set` }
  const files = [
    env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials'),
    env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config'),
  ]
  const file = files.find((f) => existsSync(f))
  if (file) return { kind: 'aws', reason: `${file} exists` }
  return { kind: 'sandbox', reason: 'no AWS configuration found' }
}

/** The variables that point the console's SDK clients and sign-in at a sandbox on `port`; set ones win. */
export function sandboxEnvironment(port: string, env: Record<string, string | undefined>): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
    // The AWS documentation's example key pair: the sandbox's `admin` user, creator of every sandbox cluster.
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_REGION: env.AWS_REGION ?? 'us-west-2',
    CONSOLE_REGIONS: env.CONSOLE_REGIONS ?? 'us-west-2,eu-west-1',
    CONSOLE_AUTH: env.CONSOLE_AUTH ?? 'sandbox',
  }
}
