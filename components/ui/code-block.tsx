import { CopyButton } from './copy-button'

/** A shell command or snippet with a copy button; `label` names it ("Equivalent AWS CLI command"). */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <figure className="relative rounded-md border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950">
      <figcaption className="flex items-center justify-between border-b border-zinc-200 px-3 py-1.5 text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        {label}
        <CopyButton value={code} label={`Copy ${label.toLowerCase()}`} />
      </figcaption>
      {/* Commands arrive wrapped at argument boundaries (formatShellCommand). A word still longer than the block (a
          pathed ARN, a session policy's JSON) wraps visually only, with a hanging indent so it reads as the same
          line; the copy button gives the text as is. Focusable so keyboard users can scroll a long snippet (axe:
          scrollable-region-focusable). */}
      <pre tabIndex={0} className="overflow-x-auto p-3 text-xs leading-relaxed whitespace-pre-wrap">
        <code>
          {code.split('\n').map((line, i) => (
            <span key={i} className="block min-h-[1lh] pl-[6ch] -indent-[6ch] [overflow-wrap:anywhere]">
              {line}
            </span>
          ))}
        </code>
      </pre>
    </figure>
  )
}
