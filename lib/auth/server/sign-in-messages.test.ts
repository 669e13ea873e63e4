import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { describeSignInError, safeCallbackPath } = await import('./sign-in-messages')

describe('safeCallbackPath', () => {
  it.each([
    { url: undefined, path: '/clusters' },
    { url: '/clusters/us-west-2/prod-web', path: '/clusters/us-west-2/prod-web' },
    { url: 'http://localhost:3000/clusters?x=1', path: '/clusters?x=1' },
    { url: 'https://evil.example/phish', path: '/clusters' },
    { url: '//evil.example/phish', path: '/clusters' },
    { url: '/\\evil.example', path: '/clusters' },
    { url: 'javascript:alert(1)', path: '/clusters' },
  ])('$url → $path', ({ url, path }) => {
    expect(safeCallbackPath(url, 'http://localhost:3000')).toBe(path)
  })
})

describe('describeSignInError', () => {
  it.each([
    { code: undefined, text: null },
    { code: 'CredentialsSignin', text: /Wrong username or password/ },
    { code: 'NoConsoleRole', text: /CONSOLE_ADMIN_GROUPS/ },
    { code: 'OAuthCallback', text: /identity provider failed/ },
  ])('$code', ({ code, text }) => {
    const message = describeSignInError(code)
    if (text === null) expect(message).toBeNull()
    else expect(message).toMatch(text)
  })
})
