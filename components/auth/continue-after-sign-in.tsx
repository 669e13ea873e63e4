'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * Navigates on to `target` from this page. The session cookie is SameSite=Strict, and the identity provider's redirect
 * chain that brought the browser here started on another site, so the browser withheld it; a navigation this page
 * starts is same-site and carries it. The link is for a browser that has not run the script yet.
 */
export function ContinueAfterSignIn({ target }: { target: string }) {
  const router = useRouter()
  useEffect(() => router.replace(target), [router, target])
  return (
    <p className="text-sm" role="status">
      Signing you in…{' '}
      <Link href={target} className="text-sky-700 underline dark:text-sky-400">
        Continue
      </Link>
    </p>
  )
}
