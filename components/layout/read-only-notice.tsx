import Link from 'next/link'

import { Alert } from '@/components/ui/alert'
import type { ConsoleRole } from '@/lib/auth/console-role'

/**
 * What a person whose console role may not write sees where a write form or dialog would be (a page or dialog opened
 * by URL): what the form does, the role it needs, and the way back. The server refuses the write anyway; this keeps
 * them from filling in a form that can only fail.
 */
export function ReadOnlyNotice({
  heading,
  what,
  required,
  role,
  back,
}: {
  /** The page's own heading, when the notice stands in for a whole page. */
  heading?: string
  /** What the form would do, as a noun phrase: "Granting access to prod-web". */
  what: string
  required: ConsoleRole
  role: ConsoleRole
  back?: { href: string; label: string }
}) {
  return (
    <div className="max-w-2xl space-y-4">
      {heading ? <h2 className="text-lg font-semibold">{heading}</h2> : null}
      <Alert variant="info" title={`${what} needs the ${required} console role`}>
        <p>
          You are signed in as a {role}: you can read everything here, but not change it. Ask a console admin if you
          need the {required} role.
        </p>
      </Alert>
      {back ? (
        <Link
          href={back.href}
          className="inline-block text-sm font-medium text-sky-700 hover:underline dark:text-sky-400"
        >
          {back.label}
        </Link>
      ) : null}
    </div>
  )
}
