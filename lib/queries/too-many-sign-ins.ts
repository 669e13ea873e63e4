// Shared by the server (which refuses the sign-in) and the sign-in form (which explains it), like the other DTOs here.

const PREFIX = 'TooManySignIns-'

/** The `error` code a limited sign-in answers: next-auth passes a thrown message on as `?error=` unchanged. */
export function tooManySignInsCode(retryAfterSeconds: number): string {
  return `${PREFIX}${Math.max(1, Math.ceil(retryAfterSeconds / 60))}`
}

/** The sentence for a {@link tooManySignInsCode}, or null for any other code. */
export function describeTooManySignIns(code: string | null | undefined): string | null {
  const match = code?.startsWith(PREFIX) ? /^(\d{1,4})$/.exec(code.slice(PREFIX.length)) : null
  if (!match) return null
  const minutes = Number(match[1])
  return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
}
