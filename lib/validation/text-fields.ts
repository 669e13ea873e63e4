// Text fields of every form and route: one rule for control characters, shared by the browser and the server.
import { z } from 'zod'

// C0 controls (U+0000–U+001F, which include tab and line breaks), DEL (U+007F) and the C1 controls (U+0080–U+009F):
// invisible in a form, they end up in AWS and Kubernetes objects (a NUL was accepted in an OIDC client ID) and in logs.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u
// Multi-line text (JSON policies) may hold tab, line feed and carriage return, and nothing else of the above.
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`

/** Why `value` is not acceptable single-line text (a control character, and where), or undefined when it is. */
export function findControlCharacter(value: string, options: { multiLine?: boolean } = {}): string | undefined {
  const match = (options.multiLine ? CONTROL_EXCEPT_LINE_BREAKS : CONTROL).exec(value)
  if (!match) return undefined
  const what = options.multiLine ? 'a control character' : 'a control character or line break'
  return `Contains ${what} (${codePoint(match[0])} at position ${match.index + 1}); remove it.`
}

/**
 * A string of one line: refuses every control character (tab and line breaks included) with a message naming it.
 * Chain `.trim()`, `.max()`, `.regex()` … after it as on `z.string()`.
 */
export function singleLineText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).superRefine((value, ctx) => {
    const problem = findControlCharacter(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
}

/** A string that may span lines (a JSON document): tab and line breaks allowed, other control characters refused. */
export function multiLineText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).superRefine((value, ctx) => {
    const problem = findControlCharacter(value, { multiLine: true })
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
}

/** Kubernetes' DNS-1123 label (namespace names): lower-case letters, digits and '-', at most 63 characters. */
export const dns1123LabelSchema = singleLineText()
  .max(63, 'A namespace name has at most 63 characters.')
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    "A namespace name is lower-case letters, digits and '-', starting and ending with a letter or digit.",
  )
