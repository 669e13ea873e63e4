// A session policy's text for reading and for the CLI echo, zod-free for the pages (docs/client-bundle.md); the
// schema that checks it is in session-policy.ts.

/** Compact JSON for the CLI echo while the person types: text that does not parse yet is echoed as typed. */
export function compactSessionPolicy(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text))
  } catch {
    return text.trim()
  }
}

/** Indented JSON for reading and editing; a policy that does not parse is shown as is. */
export function prettySessionPolicy(policy: string): string {
  try {
    return JSON.stringify(JSON.parse(policy), null, 2)
  } catch {
    return policy
  }
}
