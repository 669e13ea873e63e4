import type { EnvProblem } from '@/lib/env-schema'

// The fixes are written for a terminal, with commands in backticks; here those become <code>.
function withCode(text: string) {
  return text.split('`').map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))
}

/**
 * What every page shows while the server's configuration is invalid (a server started without `npm start`'s
 * checks): each problem with the variable that fixes it, instead of a bare 500 that says nothing.
 */
export function ConfigurationError({ problems }: { problems: EnvProblem[] }) {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12">
      <h1 className="text-2xl font-semibold tracking-tight">The console&apos;s configuration is invalid</h1>
      <p className="mt-3 text-sm text-zinc-700 dark:text-zinc-300">
        The server is running but cannot serve the console until its environment is fixed. Set the variables below and
        restart it; <code>npm start</code> checks them before it starts anything.
      </p>
      <ul className="mt-6 space-y-4">
        {problems.map((problem) => (
          <li
            key={`${problem.variable}:${problem.message}`}
            className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200"
          >
            <p>
              <code className="font-semibold">{problem.variable}</code>: {problem.message}.
            </p>
            {problem.fix ? <p className="mt-1">{withCode(problem.fix)}</p> : null}
            <p className="mt-1">
              See <code>{problem.readme}</code>.
            </p>
          </li>
        ))}
      </ul>
    </main>
  )
}
