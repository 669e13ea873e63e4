// The browser's side of NextAuth's sign-in and sign-out, without next-auth/react (~11 kB gzip on every page: its
// regenerator runtime, session context and broadcast channel, none of which the console uses; pages get the session
// from the server). The calls are the ones next-auth/react 4 makes: fetch a CSRF token, then post a form with
// `json=true` so NextAuth answers with the URL to go to instead of redirecting.
// https://next-auth.js.org/getting-started/rest-api

const authBase = '/api/auth'

async function csrfToken(): Promise<string> {
  const response = await fetch(`${authBase}/csrf`, { headers: { accept: 'application/json' } })
  const body = (await response.json()) as { csrfToken?: unknown }
  if (typeof body.csrfToken !== 'string') throw new Error('The console did not issue a CSRF token.')
  return body.csrfToken
}

async function postForm(path: string, fields: Record<string, string>): Promise<{ response: Response; url: string }> {
  const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: 'true' })
  const response = await fetch(`${authBase}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  })
  const answer = (await response.json().catch(() => ({}))) as { url?: unknown }
  return { response, url: typeof answer.url === 'string' ? answer.url : '' }
}

/** What a credentials sign-in answered: `error` is NextAuth's code (e.g. `CredentialsSignin`) or null. */
export type SignInResult = { ok: boolean; error: string | null }

/**
 * Signs in with a credentials provider (`sandbox`, `local-token`) without leaving the page: on success the session
 * cookie is set and the caller navigates; on failure `error` says why.
 */
export async function signInWithCredentials(
  provider: string,
  credentials: Record<string, string>,
  callbackUrl: string,
): Promise<SignInResult> {
  const { response, url } = await postForm(`callback/${provider}`, { ...credentials, callbackUrl })
  const error = url ? new URL(url, window.location.href).searchParams.get('error') : 'SignInFailed'
  return { ok: response.ok && !error, error }
}

/** Starts an OAuth/OIDC sign-in: the browser goes to the identity provider NextAuth names. */
export async function signInWithRedirect(provider: string, callbackUrl: string): Promise<void> {
  const { url } = await postForm(`signin/${provider}`, { callbackUrl })
  window.location.assign(url || callbackUrl)
}

/** Ends the session (NextAuth clears the cookie) and goes to `callbackUrl`. */
export async function signOut(callbackUrl: string): Promise<void> {
  const { url } = await postForm('signout', { callbackUrl })
  window.location.assign(url || callbackUrl)
}
