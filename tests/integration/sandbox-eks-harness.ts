import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EKSClient } from '@aws-sdk/client-eks'

import { ADMIN_ACCESS_KEY } from '@/sandbox/core/seed-constants'
import type { World } from '@/sandbox/core/world'
import { startSandbox, type RunningSandbox } from '@/sandbox/start-sandbox'

// Starts the real sandbox (SigV4-verifying AWS endpoint) on a free port with a fresh seed in a temp state directory,
// and hands out real @aws-sdk/client-eks clients signed with the admin key pair.

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

export interface EksTestServer {
  url: string
  stateDir: string
  readonly world: World
  /** An EKS client for a region, signed with the admin key pair. */
  client(region?: string): EKSClient
  /** Stops the sandbox and starts it again on the same state directory (to prove mutations were persisted). */
  restart(): Promise<void>
  close(): Promise<void>
}

/** Starts a fresh sandbox (default scale unless asked) on a free port. */
export async function startEksTestServer(opts: { scale?: 'default' | 'large' } = {}): Promise<EksTestServer> {
  const stateDir = await mkdtemp(join(tmpdir(), 'sandbox-eks-'))
  const scale = opts.scale ?? 'default'
  let running: RunningSandbox = await startSandbox({ port: 0, fresh: true, stateDir, scale })
  let clients: EKSClient[] = []
  const destroyClients = (): void => {
    for (const c of clients) c.destroy()
    clients = []
  }
  return {
    get url() {
      return running.url
    },
    stateDir,
    get world() {
      return running.world
    },
    client(region = 'us-west-2') {
      const c = new EKSClient({ region, endpoint: running.url, credentials: ADMIN_ACCESS_KEY, maxAttempts: 1 })
      clients.push(c)
      return c
    },
    async restart() {
      destroyClients()
      await running.close()
      running = await startSandbox({ port: 0, fresh: false, stateDir, scale })
    },
    async close() {
      destroyClients()
      await running.close()
      await rm(stateDir, { recursive: true, force: true })
    },
  }
}

/** Runs `fn` and returns the error it throws (fails the test if it does not throw). */
export async function catchError(
  fn: () => Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number } } & Record<string, unknown>> {
  try {
    await fn()
  } catch (error) {
    return error as Error & Record<string, unknown>
  }
  throw new Error('expected the call to fail, but it succeeded')
}
