import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'

import { handleEks } from '../eks/handler'
import { eksOperationName } from '../eks/router'
import { handleIam } from '../iam/handler'
import { handleSts, wantsJson } from '../sts/handler'
import { handleAdminRequest, type AdminContext } from './admin-api'
import { AwsError } from './aws-error'
import type { AwsRequest, AwsResponse, ServiceContext } from './aws-types'
import { buildFaultError } from './fault-responses'
import type { AwsServiceName, FaultInjector } from './faults'
import { flattenHeaders, readRequestBody, sendAwsResponse, sendJson } from './http-io'
import { IAM_NAMESPACE, renderQueryError, renderRestJsonError, STS_NAMESPACE } from './query-protocol'
import { SigV4Error, toAwsError } from './sigv4-error'
import { readSigV4Parts } from './sigv4-scope'
import { verifySigV4Request } from './sigv4-verifier'
import type { World } from './world'

export interface AwsServerOptions extends Omit<AdminContext, 'faults'> {
  faults: FaultInjector
  /** The live World (reset swaps it, so always read through this). */
  getWorld(): World
  /** Called after a handler mutated the World. */
  markDirty(): void
  /** Called after an EKS cluster was created or deleted. */
  clustersChanged?(): void
}

/** Which service a request is for, before or without a valid signature: the credential scope, else a guess. */
function detectService(headers: Record<string, string>, query: URLSearchParams, body: Buffer): AwsServiceName {
  try {
    const service = readSigV4Parts(headers, query)?.service
    if (service === 'eks' || service === 'iam' || service === 'sts') return service
  } catch {
    // Unparseable auth: fall through to guessing from the request's shape.
  }
  const params = new URLSearchParams(query.has('Action') ? query : body.toString('utf8'))
  if (!params.has('Action')) return 'eks'
  return params.get('Version') === '2011-06-15' ? 'sts' : 'iam'
}

function renderError(
  service: AwsServiceName,
  error: AwsError,
  requestId: string,
  headers: Record<string, string>,
): AwsResponse {
  if (service === 'eks') return renderRestJsonError(error, requestId)
  return renderQueryError(
    error,
    service === 'sts' ? STS_NAMESPACE : IAM_NAMESPACE,
    requestId,
    service === 'sts' && wantsJson(headers),
  )
}

function findOperation(
  service: AwsServiceName,
  method: string,
  rawPath: string,
  query: URLSearchParams,
  body: Buffer,
): string | undefined {
  if (service === 'eks') return eksOperationName(method, rawPath)
  return query.get('Action') ?? new URLSearchParams(body.toString('utf8')).get('Action') ?? undefined
}

async function dispatch(service: AwsServiceName, req: AwsRequest, ctx: ServiceContext): Promise<AwsResponse> {
  if (service === 'iam') return handleIam(req, ctx)
  if (service === 'sts') return handleSts(req, ctx)
  return handleEks(req, ctx)
}

async function handleAwsRequest(req: IncomingMessage, res: ServerResponse, opts: AwsServerOptions): Promise<void> {
  const requestId = randomUUID()
  const url = req.url ?? '/'
  const q = url.indexOf('?')
  const rawPath = q >= 0 ? url.slice(0, q) : url
  if (rawPath === '/_sandbox' || rawPath.startsWith('/_sandbox/')) return handleAdminRequest(req, res, rawPath, opts)

  const method = req.method ?? 'GET'
  const query = new URLSearchParams(q >= 0 ? url.slice(q + 1) : '')
  const headers = flattenHeaders(req)
  const body = await readRequestBody(req)
  let service = detectService(headers, query, body)
  const world = opts.getWorld()

  let verified
  try {
    verified = await verifySigV4Request({ method, rawPath, query, headers, body }, world)
  } catch (e) {
    if (!(e instanceof SigV4Error)) throw e
    const error = toAwsError(e, service === 'eks' ? 'rest-json' : 'query')
    return sendAwsResponse(res, renderError(service, error, requestId, headers))
  }
  const scoped = verified.parts.service
  if (scoped !== 'eks' && scoped !== 'iam' && scoped !== 'sts') {
    return sendJson(res, 400, { message: `The sandbox does not serve the AWS service "${scoped}".` })
  }
  service = scoped

  const plan = opts.faults.planFaults(
    service,
    findOperation(service, method, rawPath, query, body),
    safeDecode(rawPath),
  )
  if (plan.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, plan.delayMs))
  if (plan.failure?.kind === 'drop') {
    req.socket.destroy()
    return
  }
  if (plan.failure) {
    const error = buildFaultError(service, plan.failure.kind, plan.failure.status)
    return sendAwsResponse(res, renderError(service, error, requestId, headers))
  }

  const awsRequest: AwsRequest = {
    method,
    rawPath,
    query,
    headers,
    body,
    region: verified.parts.region,
    service,
    caller: verified.caller,
    requestId,
  }
  let response: AwsResponse
  try {
    // Read the World again: a reset during an injected delay replaced it.
    response = await dispatch(service, awsRequest, {
      world: opts.getWorld(),
      markDirty: opts.markDirty,
      clustersChanged: opts.clustersChanged,
    })
  } catch (e) {
    process.stderr.write(
      `sandbox: ${service} ${method} ${rawPath} failed: ${e instanceof Error ? e.stack : String(e)}\n`,
    )
    response = renderError(service, buildFaultError(service, 'error', 500), requestId, headers)
  }
  sendAwsResponse(res, { ...response, headers: { 'x-amzn-requestid': requestId, ...response.headers } })
}

/**
 * The single AWS endpoint: EKS, IAM and STS on one port, the service chosen by the SigV4 credential scope (header
 * or presigned `X-Amz-Credential`), plus the admin API under `/_sandbox/`. A handler that throws answers 500 in its
 * service's protocol (ServerException / ServiceFailure / InternalFailure); every unexpected failure goes to stderr.
 */
export function createAwsServer(opts: AwsServerOptions): Server {
  return createServer((req, res) => {
    handleAwsRequest(req, res, opts).catch((e: unknown) => {
      process.stderr.write(
        `sandbox: unhandled error for ${req.method} ${req.url}: ${e instanceof Error ? e.stack : String(e)}\n`,
      )
      if (res.headersSent) return void res.destroy()
      sendJson(res, 500, { message: 'Internal sandbox error' })
    })
  })
}

/** A URL path with its percent-escapes decoded, or as it came when it is not valid percent-encoding. */
function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}
