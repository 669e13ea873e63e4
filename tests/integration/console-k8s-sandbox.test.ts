// The console's lib/k8s the way the running console uses it: DescribeCluster (SDK, SigV4) on the sandbox for the
// endpoint + CA, a token signed with the SDK's default credential chain (env keys here), and the sandbox's Kubernetes
// API authenticating it as EKS does (presigned STS URL → caller → access entries / aws-auth → policies + RBAC).
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { ROLE_ARNS, USER_ACCESS_KEYS, USER_ARNS } from '@/sandbox/core/seed-constants'
import { startTestSandbox, type TestSandbox } from '@/tests/support/start-test-sandbox'

vi.mock('server-only', () => ({}))
const { whoAmI, canI } = await import('@/lib/k8s/kube-reviews')
const { listPods } = await import('@/lib/k8s/kube-lists')
const { loadNamespacesAndBoundGroups } = await import('@/lib/k8s/kube-rbac')
const { getConsoleIdentity } = await import('@/lib/clusters/server/console-identity')
const { createKubeConnector } = await import('@/lib/k8s/kube-connection')
const { setKubeConnector, getKubeConnector } = await import('@/lib/k8s/kube-clients')
const { describeEksCluster } = await import('@/lib/aws/eks-clusters')

const PROD_WEB = { region: 'us-west-2', name: 'prod-web' }
const savedEnv = { ...process.env }
let aws: TestSandbox

beforeAll(async () => {
  aws = await startTestSandbox()
  // lib/env.ts reads these once, on first use: the console runs as the sandbox admin through the default chain.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: aws.url,
    AWS_ACCESS_KEY_ID: USER_ACCESS_KEYS.admin.accessKeyId,
    AWS_SECRET_ACCESS_KEY: USER_ACCESS_KEYS.admin.secretAccessKey,
    AWS_REGION: 'us-west-2',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
  })
})
afterAll(async () => {
  setKubeConnector(undefined)
  process.env = savedEnv
  await aws?.stop()
})

/** A connector that signs with other credentials but still finds the cluster through DescribeCluster. */
function connectAs(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) {
  setKubeConnector(
    createKubeConnector({
      async describeCluster(ref) {
        const c = await describeEksCluster(ref.region, ref.name)
        return { arn: c.arn, status: c.status, endpoint: c.endpoint, caData: c.certificateAuthority?.data }
      },
      getCredentials: async () => credentials,
      stsEndpointUrl: aws.url,
    }),
  )
}

describe('the default connection (DescribeCluster + SDK credentials)', () => {
  it('finds the endpoint and CA through DescribeCluster', async () => {
    setKubeConnector(undefined)
    const connection = await getKubeConnector().getConnection(PROD_WEB)
    expect(connection).toEqual({
      arn: 'arn:aws:eks:us-west-2:111122223333:cluster/prod-web',
      endpoint: aws.sandbox.kube.endpointFor(PROD_WEB),
      caData: Buffer.from(aws.sandbox.kube.caCertPem).toString('base64'),
    })
  })

  it('is the admin user on the cluster (its access entry: username = user ARN)', async () => {
    expect(await whoAmI(PROD_WEB)).toMatchObject({ username: USER_ARNS.admin, groups: ['system:authenticated'] })
    expect(await canI(PROD_WEB, { verb: 'delete', resource: 'nodes' })).toMatchObject({ allowed: true })
  })

  it('reports the console identity: AWS ARN → Kubernetes user', async () => {
    expect(await getConsoleIdentity(PROD_WEB)).toEqual({
      aws: { arn: USER_ARNS.admin, account: '111122223333', userId: expect.stringMatching(/^AIDA/) },
      kubernetes: { ok: true, username: USER_ARNS.admin, uid: expect.any(String), groups: ['system:authenticated'] },
    })
  })

  it('collects namespaces and the groups RBAC bindings name (for the access-entry form)', async () => {
    const { namespaces, boundGroups } = await loadNamespacesAndBoundGroups(PROD_WEB)
    expect(namespaces).toEqual(expect.arrayContaining(['default', 'kube-system', 'team-a', 'team-b']))
    expect(boundGroups).toEqual(expect.arrayContaining(['system:masters', 'team-b-devs']))
  })
})

describe('other principals', () => {
  it('maps a 403 with the namespace and verb (TeamBDeveloper in team-a)', async () => {
    const sts = new STSClient(aws.users.bob)
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({ RoleArn: ROLE_ARNS.TeamBDeveloper, RoleSessionName: 'console' }),
    )
    connectAs({
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretAccessKey ?? '',
      sessionToken: Credentials?.SessionToken,
    })
    expect(await canI(PROD_WEB, { verb: 'create', resource: 'configmaps', namespace: 'team-b' })).toMatchObject({
      allowed: true,
    })
    const error = await listPods(PROD_WEB, 'team-a').catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'kubernetes_forbidden',
      detail: { verb: 'list', resource: 'pods', namespace: 'team-a' },
    })
    expect((error as Error).message).toContain("The console's role cannot list pods in namespace team-a on prod-web")
  })

  it('shows a principal with no access entry as refused, not as a crash', async () => {
    connectAs(USER_ACCESS_KEYS.carol)
    await expect(whoAmI(PROD_WEB)).rejects.toMatchObject({ code: 'kubernetes_unauthorized' })
    const identity = await getConsoleIdentity(PROD_WEB)
    expect(identity.kubernetes).toMatchObject({ ok: false, code: 'kubernetes_unauthorized' })
  })
})
