// The sandbox as an OpenID Provider and the Kubernetes API's OIDC authenticator, through real HTTPS and the real
// Kubernetes client: discovery, JWKS, the password grant, the code flow with PKCE, RBAC-only access for the
// prefixed group, refusal of an unassociated issuer and of a disassociated provider.
import { createHash, randomBytes } from 'node:crypto'
import { request } from 'node:https'
import { DisassociateIdentityProviderConfigCommand, EKSClient } from '@aws-sdk/client-eks'
import { CoreV1Api, RbacAuthorizationV1Api } from '@kubernetes/client-node'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

vi.mock('server-only', () => ({}))

const ML_AUTO = { region: 'us-west-2', name: 'ml-auto' }
let sandbox: TestSandbox
let issuer: string

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}
function call(
  url: string,
  opts: { method?: string; form?: Record<string, string>; auth?: string } = {},
): Promise<Reply> {
  const body = opts.form ? new URLSearchParams(opts.form).toString() : undefined
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: opts.method ?? (body ? 'POST' : 'GET'),
        ca: sandbox.sandbox.kube.caCertPem,
        headers: {
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...(opts.auth ? { authorization: opts.auth } : {}),
        },
      },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString('utf8')))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
const json = (r: Reply) => JSON.parse(r.body) as Record<string, unknown>

async function passwordGrant(iss: string, username: string, password: string, clientId = 'kubernetes') {
  return call(`${iss}/token`, { form: { grant_type: 'password', username, password, client_id: clientId } })
}
async function idTokenFor(username: string, password: string, iss = issuer): Promise<string> {
  const r = await passwordGrant(iss, username, password)
  expect(r.status).toBe(200)
  return json(r).id_token as string
}
const status = (e: unknown) => (e as { code?: number }).code

beforeAll(async () => {
  process.env.SANDBOX_EKS_UPDATE_DELAY_MS = '300'
  sandbox = await startTestSandbox()
  issuer = `https://127.0.0.1:${sandbox.sandbox.kube.port}/oidc/example`
})
afterAll(async () => {
  delete process.env.SANDBOX_EKS_UPDATE_DELAY_MS
  await sandbox?.stop()
})

describe('the issuer', () => {
  it('publishes discovery and an RSA JWKS at its https issuer URL', async () => {
    const discovery = json(await call(`${issuer}/.well-known/openid-configuration`))
    expect(discovery).toMatchObject({
      issuer,
      token_endpoint: `${issuer}/token`,
      code_challenge_methods_supported: ['S256'],
    })
    const keys = json(await call(discovery.jwks_uri as string)).keys as { kty: string; kid: string }[]
    expect(keys[0]).toMatchObject({ kty: 'RSA' })
  })

  it('refuses a wrong password with invalid_grant', async () => {
    const r = await passwordGrant(issuer, 'dev@example.com', 'nope')
    expect([r.status, json(r).error]).toEqual([400, 'invalid_grant'])
  })

  it('runs the code flow with PKCE: no verifier, no token', async () => {
    const verifier = randomBytes(32).toString('base64url')
    const challenge = createHash('sha256').update(verifier).digest('base64url')
    const redirect = 'http://localhost:9/callback'
    const authorize = (extra: Record<string, string>) =>
      call(`${issuer}/authorize`, {
        form: {
          response_type: 'code',
          client_id: 'kubernetes',
          redirect_uri: redirect,
          code_challenge: challenge,
          code_challenge_method: 'S256',
          state: 's1',
          nonce: 'n1',
          ...extra,
        },
      })
    const refused = await authorize({ username: 'dev@example.com', password: 'x' })
    expect([refused.status, refused.headers.location]).toEqual([200, undefined])
    expect(refused.body).toContain('Wrong email or password.')
    const ok = await authorize({ username: 'dev@example.com', password: 'dev-sandbox' })
    const location = new URL(String(ok.headers.location))
    expect(location.searchParams.get('state')).toBe('s1')
    const code = location.searchParams.get('code') ?? ''
    const exchange = (v?: string) =>
      call(`${issuer}/token`, {
        form: {
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirect,
          client_id: 'kubernetes',
          ...(v ? { code_verifier: v } : {}),
        },
      })
    expect(json(await exchange('wrong-verifier')).error).toBe('invalid_grant')
    // A code is single-use even after a failed exchange; start again for the good verifier.
    const again = await authorize({ username: 'dev@example.com', password: 'dev-sandbox' })
    const code2 = new URL(String(again.headers.location)).searchParams.get('code') ?? ''
    const good = await call(`${issuer}/token`, {
      form: {
        grant_type: 'authorization_code',
        code: code2,
        redirect_uri: redirect,
        client_id: 'kubernetes',
        code_verifier: verifier,
      },
    })
    const idToken = json(good).id_token as string
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >
    expect(claims).toMatchObject({
      iss: issuer,
      aud: 'kubernetes',
      email: 'dev@example.com',
      nonce: 'n1',
      groups: ['team-a-devs'],
    })
  })
})

describe('the Kubernetes API accepts ID tokens of associated providers only', () => {
  it('gives the prefixed group what a RoleBinding grants, and nothing else (RBAC only)', async () => {
    const admin = (await sandbox.kubeConfigFor(ML_AUTO, 'admin')).makeApiClient(RbacAuthorizationV1Api)
    await admin.createNamespacedRoleBinding({
      namespace: 'default',
      body: {
        metadata: { name: 'team-a-devs-view' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
        subjects: [{ kind: 'Group', name: 'example:team-a-devs', apiGroup: 'rbac.authorization.k8s.io' }],
      },
    })
    const token = await idTokenFor('dev@example.com', 'dev-sandbox')
    const dev = (await sandbox.kubeConfigWithToken(ML_AUTO, token)).makeApiClient(CoreV1Api)
    await expect(dev.listNamespacedPod({ namespace: 'default' })).resolves.toBeDefined()
    await expect(dev.listNamespacedPod({ namespace: 'kube-system' }).catch(status)).resolves.toBe(403)
  })

  it.each([
    [
      'an unassociated issuer (another company)',
      async () => {
        const other = issuer.replace('/oidc/example', '/oidc/another-company')
        return idTokenFor('eve@another.example', 'eve-sandbox', other)
      },
    ],
    [
      'another audience (the console client)',
      async () => {
        const r = await call(`${issuer}/token`, {
          form: {
            grant_type: 'password',
            username: 'dev@example.com',
            password: 'dev-sandbox',
            client_id: 'eks-access-console',
            client_secret: 'sandbox-console-secret',
          },
        })
        return json(r).id_token as string
      },
    ],
    [
      'a token whose signature was tampered with',
      async () => {
        const [h, p, s] = (await idTokenFor('dev@example.com', 'dev-sandbox')).split('.')
        return `${h}.${p}.${s?.slice(0, -4)}AAAA`
      },
    ],
  ])('401 for %s', async (_label, mint) => {
    const kc = await sandbox.kubeConfigWithToken(ML_AUTO, await mint())
    await expect(kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: 'default' }).catch(status)).resolves.toBe(
      401,
    )
  })

  it('401 on a cluster the provider is not associated with', async () => {
    const kc = await sandbox.kubeConfigWithToken(
      { region: 'us-west-2', name: 'prod-web' },
      await idTokenFor('dev@example.com', 'dev-sandbox'),
    )
    await expect(kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: 'default' }).catch(status)).resolves.toBe(
      401,
    )
  })

  it('401 once the provider is disassociated', async () => {
    const token = await idTokenFor('dev@example.com', 'dev-sandbox')
    const eks = new EKSClient(sandbox.admin)
    await eks.send(
      new DisassociateIdentityProviderConfigCommand({
        clusterName: 'ml-auto',
        identityProviderConfig: { type: 'oidc', name: 'example-sso' },
      }),
    )
    await new Promise((r) => setTimeout(r, 400))
    const kc = await sandbox.kubeConfigWithToken(ML_AUTO, token)
    await expect(kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: 'default' }).catch(status)).resolves.toBe(
      401,
    )
  })
})
