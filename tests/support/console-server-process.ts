import { spawn, type ChildProcess } from 'node:child_process'

// A console server started as its own process (standalone `node server.js`), and an HTTP client that signs in the
// way a browser does (next-auth's CSRF token, then the sandbox credentials callback) and keeps the session cookie.

export type ConsoleProcess = { url: string; child: ChildProcess; output: () => string; stop: () => Promise<void> }

/** Starts `command` in `cwd` with exactly `env` and waits until `${url}/api/health` answers 200. */
export async function startConsoleProcess(
  command: string[],
  cwd: string,
  env: Record<string, string>,
  url: string,
  timeoutMs = 60_000,
): Promise<ConsoleProcess> {
  const child: ChildProcess = spawn(command[0] as string, command.slice(1), {
    cwd,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the console exited (${child.exitCode}):\n${output}`)
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { url, child, output: () => output, stop }
    await new Promise((r) => setTimeout(r, 250))
  }
  await stop()
  throw new Error(`the console did not answer /api/health in ${timeoutMs / 1000} s:\n${output}`)
}

/** A signed-in HTTP client of one console: same-origin JSON requests with the session cookie. */
export type ConsoleClient = {
  cookie: string
  request: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0] as string)
}

/** Signs in to the console at `url` as a sandbox user, as the sign-in page does. */
export async function signInSandbox(url: string, username: string, password: string): Promise<ConsoleClient> {
  const csrf = await fetch(`${url}/api/auth/csrf`)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const jar = cookiesOf(csrf)
  const signIn = await fetch(`${url}/api/auth/callback/sandbox`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; '), origin: url },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${url}/clusters`, json: 'true' }),
  })
  const session = cookiesOf(signIn).find((c) => /session-token=/.test(c) && !/=$/.test(c))
  if (!session) throw new Error(`sign-in as ${username} failed (${signIn.status}): ${await signIn.text()}`)
  return withCookie(url, [...jar, session].join('; '))
}

/** Signs out through next-auth's sign-out endpoint (what the sign-out button posts), on the console at `url`. */
export async function signOut(url: string, client: ConsoleClient): Promise<void> {
  const csrf = await fetch(`${url}/api/auth/csrf`, { headers: { cookie: client.cookie } })
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const response = await fetch(`${url}/api/auth/signout`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: client.cookie, origin: url },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${url}/signin`, json: 'true' }),
  })
  if (response.status >= 400) throw new Error(`sign-out failed (${response.status})`)
}

/** A client that sends `cookie` (e.g. one replica's session cookie to another replica). */
export function withCookie(url: string, cookie: string): ConsoleClient {
  return {
    cookie,
    request: (method, path, body, headers = {}) =>
      fetch(`${url}${path}`, {
        method,
        redirect: 'manual',
        headers: {
          cookie,
          origin: url,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
  }
}
