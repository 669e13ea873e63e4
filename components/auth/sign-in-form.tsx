'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useForm } from 'react-hook-form'

import { Button } from '@/components/ui/button'
import { signInWithCredentials, signInWithRedirect } from '@/lib/auth/auth-client'
import type { SignInValues } from '@/lib/auth/sign-in-schema'
import { describeTooManySignIns } from '@/lib/queries/too-many-sign-ins'
import { lazySchema, lazyZodResolver } from '@/lib/validation/lazy-schema'

const signInSchema = lazySchema(() => import('@/lib/auth/sign-in-schema').then((m) => m.signInSchema))

const inputClass =
  'mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-950'

/** Username and password sign-in against the sandbox users. */
export function SandboxSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter()
  const [formError, setFormError] = useState<string | null>(null)
  const { register, handleSubmit, formState } = useForm<SignInValues>({ resolver: lazyZodResolver(signInSchema) })
  const { errors, isSubmitting } = formState

  const submit = async (values: SignInValues) => {
    setFormError(null)
    const result = await signInWithCredentials('sandbox', values, callbackUrl)
    if (!result.ok) {
      setFormError(
        result.error === 'CredentialsSignin'
          ? 'Wrong username or password.'
          : (describeTooManySignIns(result.error) ?? 'Sign-in failed. Please try again.'),
      )
      return
    }
    router.push(callbackUrl)
    router.refresh()
  }

  return (
    <form noValidate onSubmit={handleSubmit(submit)} className="space-y-4">
      {formError ? (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {formError}
        </p>
      ) : null}
      <div>
        <label htmlFor="username" className="block text-sm font-medium">
          Username
        </label>
        <input
          id="username"
          autoComplete="username"
          autoFocus
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={errors.username ? 'username-error' : undefined}
          className={inputClass}
          {...register('username')}
        />
        {errors.username ? (
          <p id="username-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {errors.username.message}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? 'password-error' : undefined}
          className={inputClass}
          {...register('password')}
        />
        {errors.password ? (
          <p id="password-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {errors.password.message}
          </p>
        ) : null}
      </div>
      <Button type="submit" variant="primary" disabled={isSubmitting} className="w-full py-2">
        {isSubmitting ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  )
}

/** The single-sign-on button of OIDC mode. */
export function OidcSignInButton({ providerName, callbackUrl }: { providerName: string; callbackUrl: string }) {
  return (
    <Button
      variant="primary"
      className="w-full py-2"
      // Back through /signin/continue: the SameSite=Strict session cookie is not sent on the IdP's redirect chain.
      onClick={() => void signInWithRedirect('oidc', `/signin/continue?to=${encodeURIComponent(callbackUrl)}`)}
    >
      Sign in with {providerName}
    </Button>
  )
}
