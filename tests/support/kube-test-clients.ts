// @kubernetes/client-node helpers for tests that talk to the sandbox's Kubernetes API as a principal (KubeConfigs come
// from TestSandbox.kubeConfigFor / kubeConfigWithToken).
import { request } from 'node:https'
import {
  ApiException,
  AuthenticationV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  type KubeConfig,
} from '@kubernetes/client-node'
import { expect } from 'vitest'

import type { KubeClusterRef, TestSandbox } from '@/tests/support/start-test-sandbox'

/** The typed clients a test uses, from one KubeConfig. */
export function buildKubeClients(kc: KubeConfig) {
  return {
    core: kc.makeApiClient(CoreV1Api),
    authn: kc.makeApiClient(AuthenticationV1Api),
    authz: kc.makeApiClient(AuthorizationV1Api),
  }
}

/** kube-apiserver's answer to a request it cannot authenticate. */
export const UNAUTHORIZED_STATUS = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'Unauthorized',
  reason: 'Unauthorized',
  code: 401,
} as const

/** Awaits a Kubernetes call that must fail: its HTTP status and Status body (undefined where client-node drops it). */
export async function captureKubeFailure(
  call: Promise<unknown>,
): Promise<{ code: number; body: Record<string, unknown> | undefined }> {
  try {
    await call
  } catch (e) {
    if (!(e instanceof ApiException)) throw e
    const body: unknown = typeof e.body === 'string' ? JSON.parse(e.body) : e.body
    return { code: e.code, body: body as Record<string, unknown> | undefined }
  }
  throw new Error('expected the Kubernetes call to fail, but it succeeded')
}

/** A GET with a bearer token (or none) over HTTPS, trusting the CA from DescribeCluster: status and JSON body. */
export async function getKubeRaw(
  aws: TestSandbox,
  cluster: KubeClusterRef,
  token: string | undefined,
  path: string,
): Promise<{ status: number; body: unknown }> {
  const { endpoint, caData } = await aws.describeKubeEndpoint(cluster)
  return new Promise((resolve, reject) => {
    const headers = token === undefined ? {} : { authorization: `Bearer ${token}` }
    const req = request(`${endpoint}${path}`, { ca: Buffer.from(caData, 'base64'), headers }, (res) => {
      let data = ''
      res.on('data', (c: Buffer) => (data += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data) }))
    })
    req.on('error', reject)
    req.end()
  })
}

/**
 * Asserts the API server refuses a token: client-node reports 401 (it throws away 401 bodies, so the Status body is
 * checked on a raw request) and the body is kube-apiserver's Unauthorized Status.
 */
export async function expectUnauthorized(
  aws: TestSandbox,
  cluster: KubeClusterRef,
  token: string | undefined,
): Promise<void> {
  const { core } = buildKubeClients(await aws.kubeConfigWithToken(cluster, token ?? ''))
  expect((await captureKubeFailure(core.listNamespace())).code).toBe(401)
  expect(await getKubeRaw(aws, cluster, token, '/api/v1/namespaces')).toEqual({
    status: 401,
    body: UNAUTHORIZED_STATUS,
  })
}

/** SelfSubjectAccessReview: may this client do `verb` on `resource` (in `namespace`)? */
export async function canI(kc: KubeConfig, verb: string, resource: string, namespace?: string): Promise<boolean> {
  const review = await buildKubeClients(kc).authz.createSelfSubjectAccessReview({
    body: { spec: { resourceAttributes: { verb, resource, namespace } } },
  })
  return review.status?.allowed ?? false
}

/** SelfSubjectReview (`kubectl auth whoami`): the user the API server authenticated. */
export async function whoAmI(kc: KubeConfig) {
  const review = await buildKubeClients(kc).authn.createSelfSubjectReview({ body: {} })
  return review.status?.userInfo ?? {}
}
