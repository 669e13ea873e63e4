import type { IncomingMessage, ServerResponse } from 'node:http'

import { FaultValidationError, parseFaultRule, type FaultInjector } from './faults'
import { readRequestBody, sendJson } from './http-io'

export interface AdminContext {
  faults: FaultInjector
  account: string
  scale: 'default' | 'large'
  /** Restores the seed World (and clears faults). */
  reset(): Promise<void>
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = (await readRequestBody(req)).toString('utf8')
  try {
    return body === '' ? {} : JSON.parse(body)
  } catch {
    throw new FaultValidationError('body must be JSON')
  }
}

/**
 * The unauthenticated admin API under `/_sandbox/` (never routed to AWS services):
 * - `GET /_sandbox/health` → `{ status: "ok", account, scale }`
 * - `GET /_sandbox/faults` → `{ faults: FaultRule[] }`; `PUT` `{ faults: FaultRuleInput[] }` replaces them;
 *   `POST` one FaultRuleInput appends it; `DELETE` clears them (see FaultRuleInput in faults.ts for the shape)
 * - `POST /_sandbox/reset` → restores the seed World, clears faults, persists; `{ status: "reset" }`
 */
export async function handleAdminRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  ctx: AdminContext,
): Promise<void> {
  const method = req.method ?? 'GET'
  try {
    if (path === '/_sandbox/health' && method === 'GET') {
      return sendJson(res, 200, { status: 'ok', account: ctx.account, scale: ctx.scale })
    }
    if (path === '/_sandbox/faults') {
      if (method === 'GET') return sendJson(res, 200, { faults: ctx.faults.listRules() })
      if (method === 'DELETE') {
        ctx.faults.clearRules()
        return sendJson(res, 200, { faults: [] })
      }
      if (method === 'PUT') {
        const body = (await readJson(req)) as { faults?: unknown }
        if (!Array.isArray(body.faults)) throw new FaultValidationError('body must be { "faults": [...] }')
        return sendJson(res, 200, { faults: ctx.faults.replaceRules(body.faults.map(parseFaultRule)) })
      }
      if (method === 'POST')
        return sendJson(res, 201, { fault: ctx.faults.addRule(parseFaultRule(await readJson(req))) })
    }
    if (path === '/_sandbox/reset' && method === 'POST') {
      await ctx.reset()
      return sendJson(res, 200, { status: 'reset' })
    }
    sendJson(res, 404, { error: `no admin route ${method} ${path}` })
  } catch (e) {
    if (e instanceof FaultValidationError) return sendJson(res, 400, { error: e.message })
    throw e
  }
}
