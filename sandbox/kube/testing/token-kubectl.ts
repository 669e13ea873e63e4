// The real kubectl against a test Kubernetes API: a kubeconfig whose users are bearer tokens (the test API maps each
// token to one of its identities), and a runner that answers kubectl's exit code and output.
import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { stringify } from 'yaml'

const run = promisify(execFile)

/** Writes `<dir>/config`: one cluster (endpoint + CA), one user and context per token; the first is current. */
export function writeTokenKubeconfig(
  dir: string,
  cluster: { server: string; caCertPem: string },
  users: readonly string[],
): void {
  writeFileSync(
    path.join(dir, 'config'),
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'c',
          cluster: {
            server: cluster.server,
            'certificate-authority-data': Buffer.from(cluster.caCertPem).toString('base64'),
          },
        },
      ],
      users: users.map((u) => ({ name: u, user: { token: u } })),
      contexts: users.map((u) => ({ name: u, context: { cluster: 'c', user: u } })),
      'current-context': users[0],
    }),
  )
}

/** kubectl's arguments for `user` with the kubeconfig and cache in `dir`, and an environment of only that. */
export function kubectlInvocation(dir: string, user: string, args: string[]) {
  return {
    args: [
      '--kubeconfig',
      path.join(dir, 'config'),
      '--context',
      user,
      '--cache-dir',
      path.join(dir, 'cache'),
      ...args,
    ],
    env: { NODE_ENV: 'test', PATH: process.env.PATH ?? '', HOME: dir } as NodeJS.ProcessEnv,
  }
}

/** Runs kubectl as `user`; a failing command is an answer (its exit code and output), not an exception. */
export async function runKubectlAs(dir: string, user: string, ...args: string[]) {
  const invocation = kubectlInvocation(dir, user, args)
  try {
    const { stdout, stderr } = await run('kubectl', invocation.args, { env: invocation.env, timeout: 25_000 })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string }
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' }
  }
}
