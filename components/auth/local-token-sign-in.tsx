'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState, type FormEvent } from 'react'

import { Button } from '@/components/ui/button'
import { signInWithCredentials } from '@/lib/auth/auth-client'

const inputClass =
  'mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-950'

/**
 * Sign-in of `npm start -- --aws`: the link the terminal prints carries the token in the URL fragment, which the
 * browser never sends to a server, so it reaches no access log; it is read here and posted once. Pasting the token
 * works too.
 */
export function LocalTokenSignIn({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter()
  const [token, setToken] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const started = useRef(false)

  // State changes only in the promise's callback: the printed link's token is submitted from an effect.
  const submit = (value: string) =>
    signInWithCredentials('local-token', { token: value }, callbackUrl).then((result) => {
      setPending(false)
      if (!result.ok) {
        setError(
          'This token was not accepted: it is wrong or was already used. Restart “npm start -- --aws” for a new link.',
        )
        return
      }
      router.push(callbackUrl)
      router.refresh()
    })

  useEffect(() => {
    if (started.current) return
    started.current = true
    const fromLink = new URLSearchParams(window.location.hash.slice(1)).get('token')
    if (!fromLink) return
    // Drop the token from the address bar and history before using it.
    window.history.replaceState(null, '', window.location.pathname + window.location.search)
    void submit(fromLink)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival from the printed link
  }, [])

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    if (!token.trim()) return setError('Paste the token that “npm start -- --aws” printed.')
    setPending(true)
    void submit(token.trim())
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        This console acts with the AWS credentials of the terminal that started it. Open the sign-in link it printed, or
        paste the token.
      </p>
      {error ? (
        <p
          role="alert"
          id="token-error"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="token" className="block text-sm font-medium">
          Sign-in token
        </label>
        <input
          id="token"
          type="password"
          autoComplete="off"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'token-error' : undefined}
          className={inputClass}
        />
      </div>
      <Button type="submit" variant="primary" disabled={pending} className="w-full py-2">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}
