// The "does the grant really work" half of the access E2E specs: act as an IAM role against the sandbox with real
// third-party clients — STS AssumeRole (AWS SDK), a token from `aws eks get-token` (aws CLI), and the cluster's
// Kubernetes API (endpoint + CA from DescribeCluster) through @kubernetes/client-node — exactly as a developer would.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { DeleteAccessEntryCommand, DescribeClusterCommand, EKSClient } from '@aws-sdk/client-eks'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node'

import { USER_ACCESS_KEYS } from '@/sandbox/core/seed-constants'

import { SANDBOX_URL } from './sandbox-url'

const run = promisify(execFile)

// The SDK warns about Node 20 on every client; the warning is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string }

const awsConfig = (region: string, credentials: Credentials) => ({
  endpoint: SANDBOX_URL,
  region,
  credentials,
  maxAttempts: 1,
})

/** STS AssumeRole as `user`'s keys; the role must trust them (TeamADeveloper/TeamBDeveloper trust the account root). */
export async function assumeRole(user: Credentials, roleArn: string): Promise<Credentials> {
  const sts = new STSClient(awsConfig('us-west-2', user))
  const { Credentials: c } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'e2e-proof' }))
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) throw new Error('AssumeRole returned no credentials')
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken }
}

/** `aws eks get-token` with the given credentials and no profile, against the sandbox's STS. */
export async function getTokenWithAwsCli(cluster: string, region: string, credentials: Credentials): Promise<string> {
  const { stdout } = await run('aws', ['eks', 'get-token', '--cluster-name', cluster, '--region', region], {
    env: {
      // Only what the CLI needs: no inherited AWS_PROFILE or keys can change which principal signs the token.
      NODE_ENV: 'test',
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      ...(credentials.sessionToken ? { AWS_SESSION_TOKEN: credentials.sessionToken } : {}),
      AWS_ENDPOINT_URL: SANDBOX_URL,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    },
  })
  return (JSON.parse(stdout) as { status: { token: string } }).status.token
}

/** The outcome of one Kubernetes call: the HTTP status (201 created, 403 Forbidden, 401 Unauthorized …). */
export type KubeOutcome = { status: number; message?: string }

/** A CoreV1 client for `cluster` authenticated by `token`, found through DescribeCluster (endpoint + CA). */
export async function connectToCluster(cluster: string, region: string, token: string) {
  const eks = new EKSClient(awsConfig(region, USER_ACCESS_KEYS.admin))
  const { cluster: described } = await eks.send(new DescribeClusterCommand({ name: cluster }))
  if (!described?.endpoint || !described.certificateAuthority?.data) throw new Error(`${cluster} has no endpoint`)
  const kubeConfig = new KubeConfig()
  kubeConfig.loadFromOptions({
    clusters: [{ name: cluster, server: described.endpoint, caData: described.certificateAuthority.data }],
    users: [{ name: 'proof', token }],
    contexts: [{ name: cluster, cluster, user: 'proof' }],
    currentContext: cluster,
  })
  const core = kubeConfig.makeApiClient(CoreV1Api)
  const outcome = async (call: () => Promise<unknown>, okStatus: number): Promise<KubeOutcome> => {
    try {
      await call()
      return { status: okStatus }
    } catch (error) {
      const e = error as { code?: number; body?: string }
      if (typeof e.code !== 'number') throw error
      return { status: e.code, message: String(e.body ?? '') }
    }
  }
  return {
    createConfigMap: (namespace: string, name: string) =>
      outcome(
        () => core.createNamespacedConfigMap({ namespace, body: { metadata: { name }, data: { proof: 'e2e' } } }),
        201,
      ),
    listConfigMaps: (namespace: string) => outcome(() => core.listNamespacedConfigMap({ namespace }), 200),
    deleteConfigMap: (namespace: string, name: string) =>
      outcome(() => core.deleteNamespacedConfigMap({ namespace, name }), 200),
  }
}

/** Removes an access entry as the sandbox admin if it is still there (cleanup after a failed run). */
export async function deleteAccessEntryIfPresent(cluster: string, region: string, principalArn: string) {
  const eks = new EKSClient(awsConfig(region, USER_ACCESS_KEYS.admin))
  try {
    await eks.send(new DeleteAccessEntryCommand({ clusterName: cluster, principalArn }))
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error
  }
}
