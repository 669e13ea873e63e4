// What the aws-auth spec does beside the page: the real kubectl with a bearer token, and an admin ConfigMap write to
// put a broken aws-auth on a cluster.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { DescribeClusterCommand, EKSClient } from '@aws-sdk/client-eks'
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node'

import { USER_ACCESS_KEYS } from '@/sandbox/core/seed-constants'

import { getTokenWithAwsCli } from './kube-probe'
import { SANDBOX_URL } from './sandbox-url'

const run = promisify(execFile)

async function describeEndpoint(cluster: string, region: string) {
  const eks = new EKSClient({ endpoint: SANDBOX_URL, region, credentials: USER_ACCESS_KEYS.admin, maxAttempts: 1 })
  const { cluster: described } = await eks.send(new DescribeClusterCommand({ name: cluster }))
  if (!described?.endpoint || !described.certificateAuthority?.data) throw new Error(`${cluster} has no endpoint`)
  return { endpoint: described.endpoint, caData: described.certificateAuthority.data }
}

/** The real kubectl against a cluster with a bearer token: exit code and output. */
export async function runKubectl(cluster: string, region: string, token: string, ...args: string[]) {
  const { endpoint, caData } = await describeEndpoint(cluster, region)
  const dir = await mkdtemp(path.join(tmpdir(), 'e2e-kubectl-'))
  try {
    const ca = path.join(dir, 'ca.crt')
    await writeFile(ca, Buffer.from(caData, 'base64'))
    const flags = [`--server=${endpoint}`, `--certificate-authority=${ca}`, `--token=${token}`, '--cache-dir', dir]
    const env = { NODE_ENV: 'test', PATH: process.env.PATH ?? '', HOME: dir, KUBECONFIG: '/dev/null' } as const
    return await run('kubectl', [...flags, ...args], { env, timeout: 25_000 }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({
        code: e.code ?? -1,
        stdout: e.stdout ?? '',
        stderr: e.stderr ?? '',
      }),
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

async function adminCore(cluster: string, region: string) {
  const { endpoint, caData } = await describeEndpoint(cluster, region)
  const kubeConfig = new KubeConfig()
  kubeConfig.loadFromOptions({
    clusters: [{ name: cluster, server: endpoint, caData }],
    users: [{ name: 'admin', token: await getTokenWithAwsCli(cluster, region, USER_ACCESS_KEYS.admin) }],
    contexts: [{ name: cluster, cluster, user: 'admin' }],
    currentContext: cluster,
  })
  return kubeConfig.makeApiClient(CoreV1Api)
}

const AWS_AUTH = { namespace: 'kube-system', name: 'aws-auth' }

/** Writes (data) or deletes (null) kube-system/aws-auth as the sandbox admin, bypassing the console. */
export async function setAwsAuthAsAdmin(cluster: string, region: string, data: Record<string, string> | null) {
  const core = await adminCore(cluster, region)
  await core.deleteNamespacedConfigMap(AWS_AUTH).catch((error: { code?: number }) => {
    if (error.code !== 404) throw error
  })
  if (data) await core.createNamespacedConfigMap({ namespace: AWS_AUTH.namespace, body: { metadata: AWS_AUTH, data } })
}

/** Someone else's edit: rewrites aws-auth's data as the sandbox admin (a new resourceVersion). */
export async function editAwsAuthAsAdmin(
  cluster: string,
  region: string,
  edit: (data: Record<string, string>) => Record<string, string>,
) {
  const core = await adminCore(cluster, region)
  const current = await core.readNamespacedConfigMap(AWS_AUTH)
  await core.replaceNamespacedConfigMap({ ...AWS_AUTH, body: { ...current, data: edit(current.data ?? {}) } })
}
