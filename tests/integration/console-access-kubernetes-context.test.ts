// The grant form's Kubernetes checks end to end: GET …/access-entries/kubernetes (the route the form calls) reads the
// sandbox cluster's Kubernetes API as the console (DescribeCluster endpoint + CA, EKS token), and the form's warning
// helpers flag a namespace that does not exist and a group bound to nothing. When the cluster refuses the console or
// cannot be reached, the route still answers 200 with the checks off and a one-line reason.
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { findMissingNamespaces, findUnboundGroups } from '@/lib/access/kubernetes-warnings'
import { ROLE_ARNS } from '@/sandbox/core/seed-constants'
import type { TestSandbox } from '@/tests/support/start-test-sandbox'

import { callRoute, getConsoleSession, sessionFor, startConsoleAccessSandbox } from './console-access-harness'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/auth/server/session', async () => ({
  getConsoleSession: (await import('./console-access-harness')).getConsoleSession,
}))

let sandbox: TestSandbox
let route: typeof import('@/app/api/clusters/[region]/[cluster]/access-entries/kubernetes/route')
let kubeClients: typeof import('@/lib/k8s/kube-clients')
let kubeConnection: typeof import('@/lib/k8s/kube-connection')
let eksClusters: typeof import('@/lib/aws/eks-clusters')

const prod = { region: 'us-west-2', cluster: 'prod-web' }

beforeAll(async () => {
  sandbox = await startConsoleAccessSandbox()
  route = await import('@/app/api/clusters/[region]/[cluster]/access-entries/kubernetes/route')
  kubeClients = await import('@/lib/k8s/kube-clients')
  kubeConnection = await import('@/lib/k8s/kube-connection')
  eksClusters = await import('@/lib/aws/eks-clusters')
})
afterAll(async () => {
  kubeClients.setKubeConnector(undefined)
  await sandbox.stop()
})
beforeEach(() => {
  getConsoleSession.mockReset().mockResolvedValue(sessionFor('viewer'))
  kubeClients.setKubeConnector(undefined)
})

/** Points lib/k8s at the cluster as another principal, or at an endpoint nothing listens on. */
function connectAs(
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  endpoint?: string,
) {
  kubeClients.setKubeConnector(
    kubeConnection.createKubeConnector({
      async describeCluster(ref) {
        const c = await eksClusters.describeEksCluster(ref.region, ref.name)
        return { arn: c.arn, status: c.status, endpoint: endpoint ?? c.endpoint, caData: c.certificateAuthority?.data }
      },
      getCredentials: async () => credentials,
      stsEndpointUrl: sandbox.url,
    }),
  )
}

describe('GET …/access-entries/kubernetes', () => {
  it("offers prod-web's namespaces and bound groups, and the form warns on nope and ghost-group", async () => {
    const { status, body } = await callRoute(route.GET, prod)
    expect(status).toBe(200)
    expect(body).toMatchObject({ available: true, reason: null })
    expect(body.namespaces).toEqual(expect.arrayContaining(['default', 'kube-system', 'team-a', 'team-b']))
    expect(body.boundGroups).toEqual(expect.arrayContaining(['team-a-devs', 'team-b-devs']))
    expect(body.boundGroups).not.toContain('ghost-group')

    expect(findMissingNamespaces(['team-a', 'nope', 'team-*', 'kube-*'], body.namespaces)).toEqual(['nope'])
    expect(findUnboundGroups(['team-a-devs', 'ghost-group'], body.boundGroups)).toEqual(['ghost-group'])
  })

  it('reads the Auto Mode cluster too (ml-auto has team-a and team-b)', async () => {
    const { body } = await callRoute(route.GET, { region: 'us-west-2', cluster: 'ml-auto' })
    expect(body.available).toBe(true)
    expect(findMissingNamespaces(['team-a', 'team-b', 'ml-*', 'nope'], body.namespaces)).toEqual(['nope'])
  })

  it('turns the checks off with a reason when the console may not list namespaces (403)', async () => {
    // TeamADeveloper holds AmazonEKSEditPolicy on team-a only: listing namespaces cluster-wide is Forbidden.
    const sts = new STSClient(sandbox.users.alice)
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({ RoleArn: ROLE_ARNS.TeamADeveloper, RoleSessionName: 'context-test' }),
    )
    connectAs({
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    })
    const { status, body } = await callRoute(route.GET, prod)
    expect(status).toBe(200)
    expect(body).toEqual({
      available: false,
      reason: expect.stringMatching(/^The console's identity may not list \w+ in this cluster, so namespaces/),
      namespaces: [],
      boundGroups: [],
    })
    // With the checks off the form flags nothing: free text.
    expect(findMissingNamespaces(['nope'], null)).toEqual([])
    expect(findUnboundGroups(['ghost-group'], null)).toEqual([])
  })

  it('turns the checks off when the cluster does not accept the console (401: alice has no entry)', async () => {
    connectAs(sandbox.users.alice.credentials)
    const { body } = await callRoute(route.GET, prod)
    expect(body.available).toBe(false)
    expect(body.reason).toMatch(/does not accept the console's credentials/)
  })

  it('turns the checks off when the API server cannot be reached', async () => {
    connectAs(sandbox.admin.credentials, 'https://127.0.0.1:9')
    const { body } = await callRoute(route.GET, prod)
    expect(body.available).toBe(false)
    expect(body.reason).toMatch(/cannot reach this cluster's Kubernetes API/)
  })

  it('answers 401 without a console session', async () => {
    getConsoleSession.mockResolvedValue(null)
    expect((await callRoute(route.GET, prod)).status).toBe(401)
  })
})
