import 'server-only'

/**
 * Logs an unexpected failure on the server with its stack and cause; the browser only gets a safe message and the
 * reference, so an operator can find the log line a person reports.
 */
export function logServerError(reference: string, where: string, error: unknown): void {
  console.error(`[${reference}] ${where} failed:`, error)
}
