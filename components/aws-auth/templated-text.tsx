import { Fragment } from 'react'

/** A username or group with its aws-iam-authenticator template variables ({{SessionName}}…) set apart as such. */
export function TemplatedText({ text }: { text: string }) {
  const parts = text.split(/(\{\{[^{}]*\}\})/g).filter((part) => part !== '')
  return (
    <span className="font-mono text-xs break-words">
      {parts.map((part, i) =>
        part.startsWith('{{') ? (
          <span
            key={i}
            title="Template: the authenticator fills this in for each caller"
            className="rounded bg-violet-50 px-1 whitespace-nowrap text-violet-800 ring-1 ring-violet-600/20 ring-inset dark:bg-violet-950 dark:text-violet-300 dark:ring-violet-500/30"
          >
            {part}
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </span>
  )
}
