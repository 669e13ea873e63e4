import { ShieldCheck } from 'lucide-react'
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'

import { LocalTokenSignIn } from '@/components/auth/local-token-sign-in'
import { SandboxUsersHint } from '@/components/auth/sandbox-users-hint'
import { OidcSignInButton, SandboxSignInForm } from '@/components/auth/sign-in-form'
import { offersSandboxSso } from '@/lib/auth/server/auth-options'
import { getConsoleSession } from '@/lib/auth/server/session'
import { describeSignInError, safeCallbackPath } from '@/lib/auth/server/sign-in-messages'
import { env } from '@/lib/env'

export const metadata: Metadata = { title: 'Sign in' }

type Search = Promise<{ callbackUrl?: string; error?: string }>

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const { callbackUrl, error } = await searchParams
  const target = safeCallbackPath(callbackUrl, env.nextAuthUrl)
  if (await getConsoleSession()) redirect(target)
  const message = describeSignInError(error)
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <ShieldCheck aria-hidden="true" className="mx-auto size-10 text-sky-600 dark:text-sky-400" />
          <h1 className="mt-3 text-2xl font-semibold tracking-tight">Sign in to EKS Access Console</h1>
        </div>
        <div className="space-y-4 rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          {message && error !== 'CredentialsSignin' ? (
            <p
              role="alert"
              className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
            >
              {message}
            </p>
          ) : null}
          {env.authMode === 'oidc' ? (
            <OidcSignInButton providerName={env.oidc.providerName} callbackUrl={target} />
          ) : env.authMode === 'local-token' ? (
            <LocalTokenSignIn callbackUrl={target} />
          ) : (
            <>
              <SandboxSignInForm callbackUrl={target} />
              {offersSandboxSso(env) ? (
                <div className="space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
                  <p className="text-center text-xs text-zinc-600 dark:text-zinc-400">
                    or through the sandbox&apos;s identity provider, as production does
                  </p>
                  <OidcSignInButton providerName={env.oidc.providerName} callbackUrl={target} />
                </div>
              ) : null}
            </>
          )}
        </div>
        {env.authMode === 'sandbox' ? <SandboxUsersHint /> : null}
      </div>
    </main>
  )
}
