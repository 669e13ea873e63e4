/** Sandbox mode only: which seeded users exist, so a first-time visitor can get in. */
export function SandboxUsersHint() {
  return (
    <aside
      aria-label="Sandbox users"
      className="rounded-lg border border-sky-200 bg-sky-50 p-4 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950/50 dark:text-sky-200"
    >
      <p className="font-semibold">Sandbox mode</p>
      <p className="mt-1">
        Sign in as <code className="font-mono">admin</code>, <code className="font-mono">editor</code> or{' '}
        <code className="font-mono">viewer</code> with the password <code className="font-mono">sandbox</code>. Each
        user has the console role of the same name.
      </p>
    </aside>
  )
}
