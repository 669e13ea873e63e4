import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DescribeClusterCommand, EKSClient } from '@aws-sdk/client-eks'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import type { KubeConfig } from '@kubernetes/client-node'

import { USER_ACCESS_KEYS, type SeedUserName } from '@/sandbox/core/seed-constants'
import { startSandbox, type RunningSandbox } from '@/sandbox/start-sandbox'

// The SDK warns about Node 20 on every client; the warning is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

/** What an AWS SDK v3 client constructor needs to talk to the sandbox as one principal. */
export interface SandboxClientConfig {
  endpoint: string
  region: string
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
  /** Tests fail fast: fault-injection tests set their own retry settings. */
  maxAttempts?: number
}

/** A cluster as tests name it. */
export interface KubeClusterRef {
  region: string
  name: string
}

/**
 * Who a Kubernetes client acts as: a seeded IAM user (its access key), a role session (AssumeRole through the real STS
 * SDK client, as `via` — default `admin` — with session name `EKSGetTokenAuth` like `aws eks get-token --role-arn`), or
 * credentials the test already holds (e.g. a session it let expire).
 */
export type KubePrincipal =
  | SeedUserName
  | { roleArn: string; via?: SeedUserName; sessionName?: string; durationSeconds?: number }
  | { credentials: SandboxClientConfig['credentials'] }

/** Where a cluster's Kubernetes API is, as DescribeCluster reports it. */
export interface KubeEndpoint {
  arn: string
  endpoint: string
  /** Base64 PEM, as kubeconfig's certificate-authority-data wants it. */
  caData: string
}

export interface TestSandbox {
  sandbox: RunningSandbox
  url: string
  stateDir: string
  /** Client config for the admin user (the documentation key pair). */
  admin: SandboxClientConfig
  /** Client configs per seeded IAM user (admin, alice, bob, carol). */
  users: Record<SeedUserName, SandboxClientConfig>
  /** Builds a config for other credentials (e.g. from AssumeRole) or another region. */
  configFor(credentials: SandboxClientConfig['credentials'], region?: string): SandboxClientConfig
  /** The credentials a principal signs with (a role is assumed afresh on every call: a new session each time). */
  credentialsFor(principal: KubePrincipal): Promise<SandboxClientConfig['credentials']>
  /** DescribeCluster's endpoint + CA, through the real EKS SDK client as the admin user (what the console does). */
  describeKubeEndpoint(cluster: KubeClusterRef): Promise<KubeEndpoint>
  /**
   * An EKS bearer token for a principal, minted by the console's `buildEksToken` (lib/k8s/eks-token.ts) against the
   * sandbox's STS endpoint. `now` freezes the signing clock. The caller must `vi.mock('server-only', () => ({}))`.
   */
  eksTokenFor(cluster: KubeClusterRef, principal: KubePrincipal, opts?: { now?: Date }): Promise<string>
  /** A client-node KubeConfig for a cluster carrying any bearer token as is (malformed ones included). */
  kubeConfigWithToken(cluster: KubeClusterRef, token: string): Promise<KubeConfig>
  /** A ready client-node KubeConfig for a principal on a cluster: `describeKubeEndpoint` + `eksTokenFor`. */
  kubeConfigFor(cluster: KubeClusterRef, principal: KubePrincipal, opts?: { now?: Date }): Promise<KubeConfig>
  /** Stops the sandbox and removes its temp state dir (unless `keepState`). */
  stop(opts?: { keepState?: boolean }): Promise<void>
}

/** `aws eks get-token --role-arn` names its session this way (docs/eks-token-and-kubeconfig.md#building-a-token). */
export const EKS_GET_TOKEN_SESSION_NAME = 'EKSGetTokenAuth'

async function loadBuildEksToken(): Promise<typeof import('@/lib/k8s/eks-token').buildEksToken> {
  try {
    return (await import('@/lib/k8s/eks-token')).buildEksToken
  } catch (error) {
    // lib/k8s modules `import 'server-only'`, which throws outside a React server bundle.
    throw new Error(`cannot load lib/k8s/eks-token.ts; does the test vi.mock('server-only', () => ({}))?`, {
      cause: error,
    })
  }
}

function buildKubeHelpers(
  users: Record<SeedUserName, SandboxClientConfig>,
  configFor: TestSandbox['configFor'],
  stsEndpointUrl: string,
): Pick<
  TestSandbox,
  'credentialsFor' | 'describeKubeEndpoint' | 'eksTokenFor' | 'kubeConfigWithToken' | 'kubeConfigFor'
> {
  async function credentialsFor(principal: KubePrincipal): Promise<SandboxClientConfig['credentials']> {
    if (typeof principal === 'string') return users[principal].credentials
    if ('credentials' in principal) return principal.credentials
    const sts = new STSClient(users[principal.via ?? 'admin'])
    const { Credentials: c } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: principal.roleArn,
        RoleSessionName: principal.sessionName ?? EKS_GET_TOKEN_SESSION_NAME,
        DurationSeconds: principal.durationSeconds,
      }),
    )
    if (!c?.AccessKeyId || !c.SecretAccessKey)
      throw new Error(`AssumeRole ${principal.roleArn} returned no credentials`)
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken }
  }

  async function describeKubeEndpoint(cluster: KubeClusterRef): Promise<KubeEndpoint> {
    const eks = new EKSClient(configFor(users.admin.credentials, cluster.region))
    const { cluster: c } = await eks.send(new DescribeClusterCommand({ name: cluster.name }))
    if (!c?.arn || !c.endpoint || !c.certificateAuthority?.data)
      throw new Error(`DescribeCluster ${cluster.name} returned no endpoint or CA (status ${c?.status})`)
    return { arn: c.arn, endpoint: c.endpoint, caData: c.certificateAuthority.data }
  }

  async function eksTokenFor(cluster: KubeClusterRef, principal: KubePrincipal, opts: { now?: Date } = {}) {
    const [buildEksToken, credentials] = await Promise.all([loadBuildEksToken(), credentialsFor(principal)])
    const { token } = await buildEksToken({
      clusterName: cluster.name,
      region: cluster.region,
      credentials,
      // As AWS_ENDPOINT_URL makes `aws eks get-token` do: the presigned URL names the sandbox's STS endpoint.
      endpointUrl: stsEndpointUrl,
      now: opts.now,
    })
    return token
  }

  async function kubeConfigWithToken(cluster: KubeClusterRef, token: string): Promise<KubeConfig> {
    const [{ KubeConfig }, { arn, endpoint, caData }] = await Promise.all([
      import('@kubernetes/client-node'),
      describeKubeEndpoint(cluster),
    ])
    const kc = new KubeConfig()
    kc.loadFromOptions({
      clusters: [{ name: arn, server: endpoint, caData }],
      users: [{ name: 'test', token }],
      contexts: [{ name: arn, cluster: arn, user: 'test' }],
      currentContext: arn,
    })
    return kc
  }

  return {
    credentialsFor,
    describeKubeEndpoint,
    eksTokenFor,
    kubeConfigWithToken,
    async kubeConfigFor(cluster, principal, opts) {
      return kubeConfigWithToken(cluster, await eksTokenFor(cluster, principal, opts))
    },
  }
}

/**
 * Starts a fresh sandbox on a free port with its state in a new temp dir (or `stateDir`, to test persistence), and
 * returns SDK client configs. Call `stop()` in afterAll.
 */
export async function startTestSandbox(
  opts: { scale?: 'default' | 'large'; stateDir?: string; fresh?: boolean } = {},
): Promise<TestSandbox> {
  const stateDir = opts.stateDir ?? (await mkdtemp(join(tmpdir(), 'sandbox-test-')))
  const sandbox = await startSandbox({
    port: 0,
    stateDir,
    scale: opts.scale ?? 'default',
    fresh: opts.fresh ?? opts.stateDir === undefined,
  })
  const configFor = (credentials: SandboxClientConfig['credentials'], region = 'us-west-2'): SandboxClientConfig => ({
    endpoint: sandbox.url,
    region,
    credentials,
  })
  const users = Object.fromEntries(
    Object.entries(USER_ACCESS_KEYS).map(([name, key]) => [name, configFor({ ...key })]),
  ) as Record<SeedUserName, SandboxClientConfig>
  return {
    sandbox,
    url: sandbox.url,
    stateDir,
    admin: users.admin,
    users,
    configFor,
    ...buildKubeHelpers(users, configFor, sandbox.url),
    async stop(stopOpts = {}) {
      await sandbox.close()
      if (!stopOpts.keepState) await rm(stateDir, { recursive: true, force: true })
    },
  }
}

/** What an AWS SDK v3 call failed with: the exception name (e.g. `NoSuchEntityException`), HTTP status, message. */
export interface CapturedAwsError {
  name: string
  status: number | undefined
  message: string
  attempts: number | undefined
}

/** Awaits a call that must fail and returns its SDK error; throws if it succeeded. */
export async function captureAwsError(call: Promise<unknown>): Promise<CapturedAwsError> {
  try {
    await call
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number; attempts?: number } }
    return {
      name: err.name,
      status: err.$metadata?.httpStatusCode,
      message: err.message,
      attempts: err.$metadata?.attempts,
    }
  }
  throw new Error('expected the AWS call to fail, but it succeeded')
}

/** A trust policy allowing sts:AssumeRole to one Principal element. */
export function buildTrustPolicy(principal: object): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }],
  })
}
