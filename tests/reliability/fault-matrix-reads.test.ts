/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the assertions, not by types */
// The fault matrix, reads: every EKS, IAM and STS read operation the console calls (the SDK Commands imported in
// lib/aws), under throttling, 503s, dropped connections and a stall past the timeout, through the route that uses
// it. Each answer is a clear error naming the service (never a 500), or a page that says what it could not read.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { callRoute, roleArn, setUpConsoleAccessSandbox } from '../integration/console-access-harness'
import { expectNamesTheFailure, FAULT_KINDS, MATRIX_TIMEOUT_MS, runMatrixCell, type MatrixRow } from './fault-matrix'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', () => import('../integration/console-session-mock'))

const sandbox = setUpConsoleAccessSandbox({ role: 'admin' })
const api = '@/app/api/clusters/[region]/[cluster]'
const prod = { region: 'us-west-2', cluster: 'prod-web' }
const routes: Record<string, any> = {}
let setTimeoutForTests: (ms: number | undefined) => void

beforeAll(async () => {
  for (const [key, path] of Object.entries({
    clusters: '@/app/api/clusters/route',
    overview: `${api}/route`,
    entries: `${api}/access-entries/route`,
    policies: '@/app/api/access-policies/route',
    workloadIdentity: `${api}/workload-identity/route`,
    principals: '@/app/api/iam/principals/route',
    identity: `${api}/console-identity/route`,
    namespaces: `${api}/namespaces/route`,
    serviceAccounts: `${api}/service-accounts/route`,
  })) {
    routes[key] = await import(/* @vite-ignore */ path)
  }
  const timeouts = await import('@/lib/api/server/upstream-timeout')
  setTimeoutForTests = timeouts.setUpstreamTimeoutForTests
  setTimeoutForTests(MATRIX_TIMEOUT_MS)
}, 60_000)
afterAll(() => setTimeoutForTests?.(undefined))

const overview = () => callRoute(routes.overview.GET, prod)
const accessPage = () => callRoute(routes.entries.GET, prod, { query: '?fresh=1' })
const workloadIdentity = () => callRoute(routes.workloadIdentity.GET, prod)
const names = /EKS|IAM|STS/
const teamA = roleArn('TeamADeveloper')
// The access page names the entries EKS would not describe above the table, with EKS's message.
const namesUnreadableEntry = (answer: { body: any }) => {
  expect(answer.body.unreadable.map((u: any) => u.principalArn)).toEqual([teamA])
  expect(answer.body.unreadable[0].message).toMatch(names)
}

const rows: MatrixRow[] = [
  // The cluster list shows the regions that answered and names the one that did not.
  {
    service: 'eks',
    operation: 'ListClusters',
    call: () => callRoute(routes.clusters.GET, {}),
    degraded: expectNamesTheFailure,
  },
  { service: 'eks', operation: 'DescribeCluster', call: overview },
  { service: 'eks', operation: 'ListNodegroups', call: overview },
  {
    service: 'eks',
    operation: 'DescribeNodegroup',
    everyRequest: true,
    call: overview,
    degraded: expectNamesTheFailure,
  },
  { service: 'eks', operation: 'ListAddons', call: overview },
  { service: 'eks', operation: 'DescribeAddon', everyRequest: true, call: overview, degraded: expectNamesTheFailure },
  { service: 'eks', operation: 'ListAccessEntries', call: accessPage },
  {
    service: 'eks',
    operation: 'DescribeAccessEntry',
    pathContains: teamA,
    call: accessPage,
    degraded: namesUnreadableEntry,
  },
  {
    service: 'eks',
    operation: 'ListAssociatedAccessPolicies',
    pathContains: teamA,
    call: accessPage,
    degraded: namesUnreadableEntry,
  },
  { service: 'eks', operation: 'ListAccessPolicies', call: () => callRoute(routes.policies.GET, {}) },
  { service: 'eks', operation: 'ListPodIdentityAssociations', call: workloadIdentity },
  {
    service: 'eks',
    operation: 'DescribePodIdentityAssociation',
    everyRequest: true,
    call: workloadIdentity,
    degraded: expectNamesTheFailure,
  },
  { service: 'iam', operation: 'ListOpenIDConnectProviders', call: workloadIdentity },
  { service: 'iam', operation: 'GetOpenIDConnectProvider', call: workloadIdentity },
  // A role IAM would not show makes its service account's trust check say so; the page still answers.
  { service: 'iam', operation: 'GetRole', everyRequest: true, call: workloadIdentity, degraded: expectNamesTheFailure },
  { service: 'iam', operation: 'ListRoles', call: () => callRoute(routes.principals.GET, {}, { query: '?q=team' }) },
  { service: 'iam', operation: 'ListUsers', call: () => callRoute(routes.principals.GET, {}, { query: '?q=team' }) },
  { service: 'sts', operation: 'GetCallerIdentity', call: () => callRoute(routes.identity.GET, prod) },
]

describe('fault matrix: reads', () => {
  for (const row of rows) {
    it.each(FAULT_KINDS)(
      `${row.service} ${row.operation} under %s`,
      async (kind) => {
        await runMatrixCell(sandbox(), row, kind)
      },
      30_000,
    )
  }
})

// The cluster's Kubernetes API under the same faults: the raw list transport (namespaces) and client-node (service
// accounts). Neither retries; each answer names the cluster and what went wrong.
const kubeExpected = {
  throttle: 'throttled',
  error: 'upstream_unavailable',
  drop: 'upstream_unreachable',
  latency: 'upstream_timeout',
} as const

describe('fault matrix: the Kubernetes API', () => {
  const calls = {
    'list namespaces (raw HTTPS)': ['/api/v1/namespaces', () => callRoute(routes.namespaces.GET, prod)],
    'list service accounts (client-node)': ['/serviceaccounts', () => callRoute(routes.serviceAccounts.GET, prod)],
  } as const
  for (const [name, [path, call]] of Object.entries(calls)) {
    it.each(FAULT_KINDS)(
      `${name} under %s`,
      async (kind) => {
        // The connection (DescribeCluster, token) is made first, so only the Kubernetes side is faulted.
        expect((await call()).status).toBe(200)
        const faults = sandbox().sandbox.faults
        faults.replaceRules([
          kind === 'latency'
            ? { service: 'kube', operation: 'GET', pathContains: path, kind, latencyMs: MATRIX_TIMEOUT_MS * 2 }
            : { service: 'kube', operation: 'GET', pathContains: path, kind, status: 503 },
        ])
        const answer = await call().finally(() => faults.clearRules())
        const what = `${name} ${kind} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`
        expect(answer.body.error?.code, what).toBe(kubeExpected[kind])
        expect(answer.body.error?.message, what).toMatch(/cluster prod-web|the cluster's API server https:/)
      },
      30_000,
    )
  }
})
