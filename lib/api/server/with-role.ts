import 'server-only'

import { randomUUID } from 'node:crypto'
import type { Session } from 'next-auth'
import { ZodError } from 'zod'

import { isConsoleError } from '@/lib/api/console-error'
import { errorStatus, type ErrorBody, type ErrorCode, type ErrorDetail, type ErrorIssue } from '@/lib/api/error-codes'
import { hasRole, type ConsoleRole } from '@/lib/auth/console-role'
import { getConsoleSession } from '@/lib/auth/server/session'
import { env } from '@/lib/env'
import { observeRequest } from '@/lib/metrics/server/observe-request'

import { logServerError } from './log-server-error'
import { readJsonBody } from './read-json-body'
import { contentTypeRefusal, crossOriginRefusal, WRITE_METHODS } from './same-origin'

/**
 * What a wrapped handler receives: the request, Next's (promised) route params, the signed-in session and, for a
 * write, its JSON body already read within the 1 MB limit (`undefined` when there is none; the request's own body
 * stream is then consumed). Reads get `body: undefined`.
 */
export type RoleHandlerArgs<P> = { req: Request; params: Promise<P>; session: Session; body: unknown }

/** The signature Next.js calls a route handler with. */
export type RouteHandler<P> = (req: Request, context: { params: Promise<P> }) => Promise<Response>

/** An error response `{ error: { code, message, issues?, detail? } }` with the status of `code`. */
export function errorResponse(code: ErrorCode, message: string, issues?: ErrorIssue[], detail?: ErrorDetail): Response {
  const body: ErrorBody = { error: { code, message, ...(issues ? { issues } : {}), ...(detail ? { detail } : {}) } }
  return Response.json(body, { status: errorStatus[code] })
}

function toIssues(error: ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: issue.message,
  }))
}

function mapError(error: unknown, where: string): Response {
  if (isConsoleError(error)) return errorResponse(error.code, error.message, error.issues, error.detail)
  if (error instanceof ZodError) {
    return errorResponse('validation_failed', 'Some fields are not valid.', toIssues(error))
  }
  // `await req.json()` on a body that is not JSON.
  if (error instanceof SyntaxError) return errorResponse('bad_request', 'The request body is not valid JSON.')
  const reference = randomUUID().slice(0, 8)
  logServerError(reference, where, error)
  return errorResponse('internal', `Something went wrong on the console's server (reference ${reference}).`)
}

/**
 * Wraps a route handler: a write (POST/PUT/PATCH/DELETE) must come from the console's own origin (403) with a JSON body
 * (415) of at most 1 MB (413), checked before anything else runs; then it requires a session (401) and a console role
 * of at least `role` (403), and turns thrown errors into JSON — zod errors 422 with issues, ConsoleErrors their own
 * status, anything else 500 with a safe message.
 */
export function withRole<P = Record<string, never>>(
  role: ConsoleRole,
  handler: (args: RoleHandlerArgs<P>) => Promise<Response>,
): RouteHandler<P> {
  return (req, context) => observeRequest(req, () => handleWithRole(req, context, role, handler))
}

async function handleWithRole<P>(
  req: Request,
  context: { params: Promise<P> },
  role: ConsoleRole,
  handler: (args: RoleHandlerArgs<P>) => Promise<Response>,
): Promise<Response> {
  const where = `${req.method} ${new URL(req.url).pathname}`
  try {
    const write = WRITE_METHODS.has(req.method)
    if (write) {
      const refusal = crossOriginRefusal(req.headers, env.nextAuthUrl) ?? contentTypeRefusal(req.headers)
      if (refusal) return errorResponse(refusal.code, refusal.message)
    }
    const session = await getConsoleSession()
    if (!session) return errorResponse('unauthenticated', 'Sign in to use the console.')
    if (!hasRole(session.user.role, role)) {
      return errorResponse('forbidden', `Your console role is ${session.user.role}; this needs ${role}.`)
    }
    const body = write ? await readJsonBody(req) : undefined
    return await handler({ req, params: context.params, session, body })
  } catch (error) {
    return mapError(error, where)
  }
}
