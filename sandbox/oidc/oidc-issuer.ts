// The sandbox as an OpenID Provider (https://openid.net/specs/openid-connect-core-1_0.html): discovery, JWKS, the
// authorization endpoint (code flow with PKCE S256, RFC 7636), the token endpoint (authorization_code and the OAuth2
// password grant, RFC 6749 §4.3) and userinfo. Signing and verification are jose's; nothing here is hand-made crypto.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT, type JSONWebKeySet } from 'jose'

import type { IssuerDirectory, IssuerPerson } from './issuer-directory'
import { renderLoginPage } from './login-page'

const TOKEN_SECONDS = 3600
const CODE_MS = 60_000

interface PendingCode {
  person: IssuerPerson
  clientId: string
  redirectUri: string
  codeChallenge: string
  nonce?: string
  expires: number
}

export interface SandboxIssuer {
  id: string
  /** `https://<host>:<port>/oidc/<id>` (known once the server listens). */
  issuerUrl(): string
  /** The key set ID tokens are verified with (kube-apiserver fetches it from `jwks_uri`; this is the same set). */
  jwks: ReturnType<typeof createLocalJWKSet>
  /** Mints an ID token as the password grant would (tests). */
  mintIdToken(email: string, clientId: string): Promise<string>
  /** Answers a request below `/oidc/<id>/`; `rest` is the path after it. */
  handle(req: IncomingMessage, res: ServerResponse, rest: string, body: string): Promise<void>
}

const sha256Base64Url = (s: string) => createHash('sha256').update(s).digest('base64url')
const same = (a: string, b: string) => {
  const x = createHash('sha256').update(a).digest()
  return timingSafeEqual(x, createHash('sha256').update(b).digest())
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}
const oauthError = (res: ServerResponse, status: number, error: string, description: string) =>
  sendJson(res, status, { error, error_description: description })

/** Creates one issuer with a fresh RS256 key pair. */
export async function createSandboxIssuer(dir: IssuerDirectory, baseUrl: () => string): Promise<SandboxIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256')
  const kid = `${dir.id}-${randomBytes(6).toString('hex')}`
  const jwkSet: JSONWebKeySet = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] }
  const jwks = createLocalJWKSet(jwkSet)
  const codes = new Map<string, PendingCode>()
  const issuerUrl = () => `${baseUrl()}/oidc/${dir.id}`
  const findPerson = (email: string) => dir.people.find((p) => p.email === email.trim().toLowerCase())
  const checkPassword = (email: string, password: string) => {
    const person = findPerson(email)
    return person && same(person.password, password) ? person : undefined
  }

  const sign = (claims: Record<string, unknown>, audience: string, subject: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(issuerUrl())
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_SECONDS}s`)
      .sign(privateKey)

  const personClaims = (p: IssuerPerson) => ({
    email: p.email,
    email_verified: true,
    name: p.name,
    preferred_username: p.email,
    groups: p.groups,
  })
  const subjectOf = (p: IssuerPerson) => `${dir.id}|${p.email.split('@')[0]}`

  const issueTokens = async (p: IssuerPerson, clientId: string, nonce?: string) => ({
    token_type: 'Bearer',
    expires_in: TOKEN_SECONDS,
    scope: 'openid email profile groups',
    id_token: await sign({ ...personClaims(p), ...(nonce ? { nonce } : {}) }, clientId, subjectOf(p)),
    access_token: await sign({ scope: 'openid email profile groups', client_id: clientId }, issuerUrl(), subjectOf(p)),
  })

  /** Client authentication: a confidential client must present its secret (basic or post); a public one none. */
  function authenticateClient(req: IncomingMessage, form: URLSearchParams): string | undefined {
    let clientId = form.get('client_id') ?? undefined
    let secret = form.get('client_secret') ?? undefined
    const basic = req.headers.authorization?.match(/^Basic (.+)$/)?.[1]
    if (basic) {
      const [id, pw] = Buffer.from(basic, 'base64').toString('utf8').split(':')
      clientId = decodeURIComponent(id ?? '')
      secret = decodeURIComponent(pw ?? '')
    }
    const client = dir.clients.find((c) => c.clientId === clientId)
    if (!client) return undefined
    if (client.clientSecret && !(secret && same(client.clientSecret, secret))) return undefined
    return client.clientId
  }

  async function token(req: IncomingMessage, res: ServerResponse, form: URLSearchParams): Promise<void> {
    const clientId = authenticateClient(req, form)
    if (!clientId) return oauthError(res, 401, 'invalid_client', 'Unknown client or wrong client secret.')
    const grant = form.get('grant_type')
    if (grant === 'password') {
      const person = checkPassword(form.get('username') ?? '', form.get('password') ?? '')
      if (!person) return oauthError(res, 400, 'invalid_grant', 'Wrong username or password.')
      return sendJson(res, 200, await issueTokens(person, clientId))
    }
    if (grant === 'authorization_code') {
      const code = codes.get(form.get('code') ?? '')
      codes.delete(form.get('code') ?? '')
      const verifier = form.get('code_verifier') ?? ''
      if (!code || code.expires < Date.now() || code.clientId !== clientId)
        return oauthError(res, 400, 'invalid_grant', 'The code is unknown, used or expired.')
      if (form.get('redirect_uri') !== code.redirectUri)
        return oauthError(res, 400, 'invalid_grant', 'redirect_uri differs from the authorization request.')
      if (!verifier || sha256Base64Url(verifier) !== code.codeChallenge)
        return oauthError(res, 400, 'invalid_grant', 'PKCE verification failed.')
      return sendJson(res, 200, await issueTokens(code.person, clientId, code.nonce))
    }
    return oauthError(res, 400, 'unsupported_grant_type', 'Use authorization_code or password.')
  }

  function authorize(req: IncomingMessage, res: ServerResponse, params: URLSearchParams): void {
    const client = dir.clients.find((c) => c.clientId === params.get('client_id'))
    const redirectUri = params.get('redirect_uri') ?? ''
    const challenge = params.get('code_challenge') ?? ''
    const bad = !client
      ? 'Unknown client_id.'
      : !/^https?:\/\//.test(redirectUri)
        ? 'redirect_uri is required.'
        : params.get('response_type') !== 'code'
          ? 'Only response_type=code is supported.'
          : !challenge || params.get('code_challenge_method') !== 'S256'
            ? 'PKCE with code_challenge_method=S256 is required.'
            : undefined
    const page = (status: number, error?: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      res.end(renderLoginPage(dir.id, params, error))
    }
    if (bad) return page(400, bad)
    if (req.method !== 'POST') return page(200)
    const person = checkPassword(params.get('username') ?? '', params.get('password') ?? '')
    // 200 with the form again, as IdPs answer a failed sign-in page.
    if (!person) return page(200, 'Wrong email or password.')
    const code = randomBytes(24).toString('base64url')
    codes.set(code, {
      person,
      clientId: client!.clientId,
      redirectUri,
      codeChallenge: challenge,
      nonce: params.get('nonce') ?? undefined,
      expires: Date.now() + CODE_MS,
    })
    const target = new URL(redirectUri)
    target.searchParams.set('code', code)
    const state = params.get('state')
    if (state) target.searchParams.set('state', state)
    target.searchParams.set('iss', issuerUrl())
    res.writeHead(302, { location: target.toString() })
    res.end()
  }

  async function userinfo(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bearer = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1]
    try {
      const { payload } = await jwtVerify(bearer ?? '', jwks, { issuer: issuerUrl(), audience: issuerUrl() })
      const person = dir.people.find((p) => subjectOf(p) === payload.sub)
      if (!person) throw new Error('gone')
      return sendJson(res, 200, { sub: payload.sub, ...personClaims(person) })
    } catch {
      return oauthError(res, 401, 'invalid_token', 'The access token is invalid or expired.')
    }
  }

  return {
    id: dir.id,
    issuerUrl,
    jwks,
    async mintIdToken(email, clientId) {
      const person = findPerson(email)
      if (!person) throw new Error(`${dir.id} has no person ${email}`)
      return (await issueTokens(person, clientId)).id_token
    },
    async handle(req, res, rest, body) {
      const query = new URL(req.url ?? '/', 'https://sandbox').searchParams
      const form = new URLSearchParams(body)
      const base = issuerUrl()
      if (rest === '/.well-known/openid-configuration')
        return sendJson(res, 200, {
          issuer: base,
          authorization_endpoint: `${base}/authorize`,
          token_endpoint: `${base}/token`,
          userinfo_endpoint: `${base}/userinfo`,
          jwks_uri: `${base}/keys`,
          response_types_supported: ['code'],
          grant_types_supported: ['authorization_code', 'password'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
          scopes_supported: ['openid', 'email', 'profile', 'groups'],
          claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'email', 'email_verified', 'name', 'groups'],
        })
      if (rest === '/keys') return sendJson(res, 200, jwkSet)
      if (rest === '/authorize') {
        const params = req.method === 'POST' ? new URLSearchParams([...query, ...form]) : query
        return authorize(req, res, params)
      }
      if (rest === '/token' && req.method === 'POST') return token(req, res, form)
      if (rest === '/userinfo') return userinfo(req, res)
      return oauthError(res, 404, 'not_found', `No endpoint ${rest} on issuer ${dir.id}.`)
    },
  }
}
