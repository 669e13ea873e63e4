import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { EKSClient } from '@aws-sdk/client-eks'
import { handleEks } from '@/sandbox/eks/handler'
import { createSeedWorld } from '@/sandbox/core/seed-world'
import { ACCOUNT_ID, ADMIN_ACCESS_KEY, USER_ARNS } from '@/sandbox/core/seed-constants'
import type { World } from '@/sandbox/core/world'

// A tiny HTTP front for handleEks used by the EKS integration tests: it takes region and service from the SigV4
// credential scope but does NOT verify signatures (that is the platform's job, tested with its own server). The real
// @aws-sdk/client-eks talks to it exactly as it would to EKS.

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

export interface EksTestServer {
  url: string
  world: World
  dirtyCount(): number
  /** An EKS client for a region, signed with the admin key pair. */
  client(region?: string): EKSClient
  close(): Promise<void>
}

function readScope(authorization: string | undefined): { region: string; service: string } {
  const match = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(authorization ?? '')
  return { region: match?.[1] ?? 'us-east-1', service: match?.[2] ?? 'unknown' }
}

/** Starts handleEks behind node:http on a free port, over a freshly seeded default-scale world. */
export async function startEksTestServer(): Promise<EksTestServer> {
  const world = createSeedWorld('default')
  let dirty = 0
  let counter = 0
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const rawUrl = req.url ?? '/'
      const q = rawUrl.indexOf('?')
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v
      const scope = readScope(headers.authorization)
      void handleEks(
        {
          method: req.method ?? 'GET',
          rawPath: q === -1 ? rawUrl : rawUrl.slice(0, q),
          query: new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1)),
          headers,
          body: Buffer.concat(chunks),
          region: scope.region,
          service: scope.service,
          caller: {
            arn: USER_ARNS.admin,
            userId: 'AIDAADMINEXAMPLE00001',
            account: ACCOUNT_ID,
            accessKeyId: ADMIN_ACCESS_KEY.accessKeyId,
          },
          requestId: `test-${++counter}`,
        },
        { world, markDirty: () => void dirty++ },
      ).then((out) => {
        res.writeHead(out.status, out.headers)
        res.end(out.body ?? '')
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const clients: EKSClient[] = []
  return {
    url,
    world,
    dirtyCount: () => dirty,
    client(region = 'us-west-2') {
      const c = new EKSClient({ region, endpoint: url, credentials: ADMIN_ACCESS_KEY, maxAttempts: 1 })
      clients.push(c)
      return c
    },
    close: async () => {
      for (const c of clients) c.destroy()
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())))
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
