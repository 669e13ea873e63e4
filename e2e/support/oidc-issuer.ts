// The sandbox's OIDC issuer as a script uses it: an ID token through the OAuth2 password grant, over HTTPS signed
// by the sandbox CA (which DescribeCluster hands out for the Kubernetes port the issuer shares).
import { request } from 'node:https'
import { DescribeClusterCommand, EKSClient } from '@aws-sdk/client-eks'

import { USER_ACCESS_KEYS } from '@/sandbox/core/seed-constants'

import { SANDBOX_URL } from './sandbox-url'

/** The example company's issuer: the sandbox's Kubernetes port (AWS port + 1), path /oidc/example. */
export const SANDBOX_ISSUER = `https://127.0.0.1:${Number(process.env.E2E_SANDBOX_PORT ?? 4610) + 1}/oidc/example`

async function sandboxCa(): Promise<string> {
  const eks = new EKSClient({ endpoint: SANDBOX_URL, region: 'us-west-2', credentials: USER_ACCESS_KEYS.admin })
  const { cluster } = await eks.send(new DescribeClusterCommand({ name: 'prod-web' }))
  return Buffer.from(cluster?.certificateAuthority?.data ?? '', 'base64').toString('utf8')
}

/** An ID token for one of the issuer's people (client `kubernetes`, the audience the association names). */
export async function passwordGrantIdToken(username: string, password: string): Promise<string> {
  const ca = await sandboxCa()
  const body = new URLSearchParams({ grant_type: 'password', client_id: 'kubernetes', username, password }).toString()
  const text = await new Promise<string>((resolve, reject) => {
    const req = request(
      `${SANDBOX_ISSUER}/token`,
      { method: 'POST', ca, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      (res) => {
        let out = ''
        res.on('data', (c: Buffer) => (out += c.toString('utf8')))
        res.on('end', () => (res.statusCode === 200 ? resolve(out) : reject(new Error(`${res.statusCode}: ${out}`))))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
  return (JSON.parse(text) as { id_token: string }).id_token
}
